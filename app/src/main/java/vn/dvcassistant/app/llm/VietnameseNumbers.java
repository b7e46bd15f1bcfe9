package vn.dvcassistant.app.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers written in words ("mười lăm ngày", "hai mươi nghìn đồng") turned into digits, so the guard
 * compares "mười lăm ngày" with "15 ngày". Works on folded text (no diacritics, lower case). A word is read
 * as a number only when a unit follows it ("ba ngày", "một bản"), so "ba mẹ" or "một số giấy tờ" stay words.
 */
final class VietnameseNumbers {

    private static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("khong", 0), Map.entry("mot", 1), Map.entry("mot1", 1), Map.entry("hai", 2),
            Map.entry("ba", 3), Map.entry("bon", 4), Map.entry("tu", 4), Map.entry("nam", 5), Map.entry("lam", 5),
            Map.entry("sau", 6), Map.entry("bay", 7), Map.entry("tam", 8), Map.entry("chin", 9));
    /** Units after which a number word is a quantity. "nam" (year) is one, so "hai nam" is 2 years. */
    static final Set<String> UNITS = Set.of("ngay", "thang", "nam", "tuan", "gio", "phut", "dong", "vnd", "bo",
            "ban", "lan", "tuoi", "nguoi", "trang", "anh", "nghin", "ngan", "trieu", "ty", "ti", "buoc", "loai",
            "muc", "phan", "to", "cuon", "chiec", "thu");

    private VietnameseNumbers() {
    }

    /**
     * The folded text with each number said in words and followed by a unit replaced by its digits;
     * everything else unchanged.
     */
    static String toDigits(String folded) {
        String[] words = folded.split(" ", -1);
        List<String> out = new ArrayList<>(words.length);
        int i = 0;
        while (i < words.length) {
            Parsed parsed = parse(words, i);
            if (parsed != null && parsed.end < words.length && UNITS.contains(stripPunct(words[parsed.end]))) {
                out.add(Long.toString(parsed.value));
                i = parsed.end;
            } else {
                out.add(words[i]);
                i++;
            }
        }
        return String.join(" ", out);
    }

    private record Parsed(long value, int end) {
    }

    /** Reads up to the hundreds, then "nghìn"/"triệu"/"tỷ" groups: "hai tram linh nam", "muoi lam", "ba muoi mot". */
    private static Parsed parse(String[] words, int start) {
        long total = 0;
        int i = start;
        boolean any = false;
        while (true) {
            Parsed group = hundreds(words, i);
            if (group == null) {
                break;
            }
            any = true;
            i = group.end;
            long multiplier = i < words.length ? multiplier(words[i]) : 1;
            // A multiplier followed by nothing numeric is the unit itself ("hai trieu dong"): keep it as digits.
            if (multiplier > 1 && i + 1 < words.length && hundreds(words, i + 1) != null) {
                total += group.value * multiplier;
                i++;
                continue;
            }
            total += group.value;
            break;
        }
        return any ? new Parsed(total, i) : null;
    }

    private static Parsed hundreds(String[] words, int start) {
        int i = start;
        long value = 0;
        Integer first = digit(words, i);
        if (first != null && i + 1 < words.length && words[i + 1].equals("tram")) {
            value = first * 100L;
            i += 2;
            if (i < words.length && (words[i].equals("linh") || words[i].equals("le"))) {
                Integer unit = digit(words, i + 1);
                return unit == null ? new Parsed(value, i) : new Parsed(value + unit, i + 2);
            }
            Parsed tens = tens(words, i);
            return tens == null ? new Parsed(value, i) : new Parsed(value + tens.value, tens.end);
        }
        return tens(words, start);
    }

    private static Parsed tens(String[] words, int start) {
        if (start >= words.length) {
            return null;
        }
        if (words[start].equals("muoi")) {
            // "muoi nam" is ten years; fifteen is "muoi lam".
            Integer unit = unitAfterTen(words, start + 1);
            return unit == null ? new Parsed(10, start + 1) : new Parsed(10 + unit, start + 2);
        }
        Integer first = digit(words, start);
        if (first == null) {
            return null;
        }
        if (start + 1 < words.length && words[start + 1].equals("muoi") && first >= 2) {
            Integer unit = unitAfterTen(words, start + 2);
            return unit == null ? new Parsed(first * 10L, start + 2) : new Parsed(first * 10L + unit, start + 3);
        }
        return new Parsed(first, start + 1);
    }

    private static Integer unitAfterTen(String[] words, int i) {
        if (i >= words.length || words[i].equals("nam")) {
            return null;
        }
        if (words[i].equals("mot") || words[i].equals("mot1")) {
            return 1;
        }
        return digit(words, i);
    }

    private static Integer digit(String[] words, int i) {
        return i < words.length ? DIGITS.get(words[i]) : null;
    }

    private static long multiplier(String word) {
        return switch (stripPunct(word)) {
            case "nghin", "ngan" -> 1_000L;
            case "trieu" -> 1_000_000L;
            case "ty", "ti" -> 1_000_000_000L;
            default -> 1L;
        };
    }

    private static String stripPunct(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
