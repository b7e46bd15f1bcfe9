package vn.dvcassistant.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts rendered blocks into messages no longer than a channel's limit, keeping whole blocks together when
 * they fit, then whole lines, then whole words; a long word is cut last.
 */
public final class TextChunker {

    private static final String BLOCK_SEPARATOR = "\n\n";

    private final int limit;

    public TextChunker(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
    }

    public List<String> chunk(List<String> blocks) {
        List<String> pieces = new ArrayList<>();
        for (String block : blocks) {
            pieces.addAll(block.length() <= limit ? List.of(block) : splitBlock(block));
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && current.length() + BLOCK_SEPARATOR.length() + piece.length() > limit) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(BLOCK_SEPARATOR);
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A block over the limit: lines grouped up to the limit; a line over the limit is cut at spaces. */
    private List<String> splitBlock(String block) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            for (String part : line.length() <= limit ? List.of(line) : splitLine(line)) {
                if (current.length() > 0 && current.length() + 1 + part.length() > limit) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(part);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private List<String> splitLine(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= 0) {
                cut = safeHardCut(rest);
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            } else {
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** Never cut a surrogate pair or an HTML entity such as {@code &amp;} in two. */
    private int safeHardCut(String text) {
        int cut = limit;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp <= 8 && text.indexOf(';', amp) >= cut && amp > 0) {
            cut = amp;
        }
        return cut;
    }
}
