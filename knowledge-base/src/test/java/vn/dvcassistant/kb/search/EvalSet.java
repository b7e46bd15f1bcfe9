package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A set of citizen questions with the topic each one means, read from a TSV file with a header
 * {@code topic<TAB>question}; the topic {@code none} marks a question outside public services.
 */
record EvalSet(String name, List<Item> items) {

    static final String OUT_OF_SCOPE = "none";

    record Item(String topic, String question) {
        boolean outOfScope() {
            return OUT_OF_SCOPE.equals(topic);
        }
    }

    static EvalSet fromClasspath(String resource) {
        try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<Item> items = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] parts = lines[i].split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": expected topic<TAB>question");
                }
                items.add(new Item(parts[0].strip(), parts[1].strip()));
            }
            return new EvalSet(resource, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EvalSet map(String suffix, UnaryOperator<String> rewrite) {
        return new EvalSet(name + " " + suffix,
                items.stream().map(i -> new Item(i.topic(), rewrite.apply(i.question()))).toList());
    }
}
