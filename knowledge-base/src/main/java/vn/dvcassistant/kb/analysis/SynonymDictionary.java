package vn.dvcassistant.kb.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Abbreviations and variant spellings, each rewritten to one canonical phrase. Phrases are kept
 * folded (lower case, no diacritics), as {@link VietnameseAnalyzer} sees them.
 */
public final class SynonymDictionary {

    public static final SynonymDictionary EMPTY = new SynonymDictionary(Map.of());

    private final Map<String, String> canonicalByVariant;

    private SynonymDictionary(Map<String, String> canonicalByVariant) {
        this.canonicalByVariant = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalByVariant));
    }

    /** Folded variant phrase → folded canonical phrase, syllables separated by one space. */
    public Map<String, String> canonicalByVariant() {
        return canonicalByVariant;
    }

    public int size() {
        return canonicalByVariant.size();
    }

    /** Folds a phrase to space-separated syllables, as the dictionary stores it. */
    public static String normalize(String phrase) {
        return String.join(" ", SyllableNormalizer.syllables(phrase));
    }

    SynonymMap toSynonymMap() {
        if (canonicalByVariant.isEmpty()) {
            return new SynonymMap(null, null, 0);
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        CharsRefBuilder scratch = new CharsRefBuilder();
        canonicalByVariant.forEach((variant, canonical) -> {
            CharsRef input = SynonymMap.Builder.join(variant.split(" "), scratch);
            CharsRef output = SynonymMap.Builder.join(canonical.split(" "), new CharsRefBuilder());
            builder.add(CharsRef.deepCopyOf(input), output, false);
        });
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects entries and refuses the ones that would make the dictionary ambiguous. */
    public static final class Builder {
        private final Map<String, String> canonicalByVariant = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a rewrite of {@code variant} to {@code canonical}.
         *
         * @return why the entry was refused, or empty when it was added
         */
        public Optional<String> add(String variant, String canonical) {
            String v = normalize(variant);
            String c = normalize(canonical);
            if (v.isEmpty() || c.isEmpty()) {
                return Optional.of("empty phrase: \"" + variant + "\" → \"" + canonical + "\"");
            }
            if (v.equals(c)) {
                return Optional.empty(); // the canonical spelling listed among its variants: harmless
            }
            String previous = canonicalByVariant.get(v);
            if (previous != null && !previous.equals(c)) {
                return Optional.of("\"" + variant + "\" is already a variant of \"" + previous
                        + "\"; a variant can mean only one thing (ambiguous abbreviations such as \"tt\" must not be listed)");
            }
            canonicalByVariant.put(v, c);
            return Optional.empty();
        }

        public SynonymDictionary build() {
            return new SynonymDictionary(canonicalByVariant);
        }
    }
}
