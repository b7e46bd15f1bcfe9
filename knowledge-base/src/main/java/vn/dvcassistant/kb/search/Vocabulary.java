package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The syllables the index knows, with how many topics use each. Corrects a one-letter typo in a
 * query syllable the index has never seen ("thuong" typed "thuonh") by trying every string one edit
 * away and keeping the most used known syllable: a few hundred hash look-ups, no automaton needed.
 * Also keeps the bigrams that contain a {@link StopWords#HOMOGRAPHS homograph}, which tell a filler
 * ("thì") from a content syllable ("dự thi").
 */
final class Vocabulary {

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Map<String, Integer> docFreq;
    private final Set<String> homographBigrams;

    private Vocabulary(Map<String, Integer> docFreq, Set<String> homographBigrams) {
        this.docFreq = docFreq;
        this.homographBigrams = homographBigrams;
    }

    static Vocabulary of(IndexReader reader) throws IOException {
        Map<String, Integer> docFreq = new HashMap<>();
        Set<String> homographBigrams = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            for (IndexedField field : IndexedField.values()) {
                Terms terms = leaf.reader().terms(field.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    String text = term.utf8ToString();
                    int space = text.indexOf(' ');
                    if (space < 0) {
                        docFreq.merge(text, it.docFreq(), Math::max);
                    } else if (StopWords.isHomograph(text.substring(0, space))
                            || StopWords.isHomograph(text.substring(space + 1))) {
                        homographBigrams.add(text);
                    }
                }
            }
        }
        return new Vocabulary(HashLookups.map(docFreq), HashLookups.set(homographBigrams));
    }

    /** Whether the content uses this bigram; answered for bigrams holding a homograph only. */
    boolean containsHomographBigram(String bigram) {
        return homographBigrams.contains(bigram);
    }

    boolean contains(String syllable) {
        return docFreq.containsKey(syllable);
    }

    int size() {
        return docFreq.size();
    }

    /**
     * The known syllable a Telex-typed one stands for, when the keyboard did not convert it ("ddawng" →
     * "dang", "kys" → "ky", "vieejt" → "viet"): in folded text Telex leaves "dd", doubled vowels, a "w"
     * after a vowel and one tone letter (s, f, r, x, j) after the vowel. Only a known result counts.
     */
    Optional<String> telex(String unknown) {
        StringBuilder b = new StringBuilder(unknown.length());
        for (int i = 0; i < unknown.length(); i++) {
            char c = unknown.charAt(i);
            char prev = b.length() == 0 ? 0 : b.charAt(b.length() - 1);
            boolean doubled = c == prev && (c == 'd' || c == 'a' || c == 'e' || c == 'o');
            boolean hook = c == 'w' && (prev == 'a' || prev == 'o' || prev == 'u');
            if (!doubled && !hook) {
                b.append(c);
            }
        }
        String base = b.toString();
        if (!base.equals(unknown) && docFreq.containsKey(base)) {
            return Optional.of(base);
        }
        for (int i = base.length() - 1; i > 0; i--) {
            if ("sfrxj".indexOf(base.charAt(i)) >= 0) {
                String toneless = base.substring(0, i) + base.substring(i + 1);
                if (docFreq.containsKey(toneless)) {
                    return Optional.of(toneless);
                }
            }
        }
        return Optional.empty();
    }

    /** The most used known syllable one edit (insert, delete, replace, swap) away, if any. */
    Optional<String> correct(String unknown) {
        return correct(unknown, candidate -> true);
    }

    /** The most used known syllable one edit away that {@code fits} accepts (e.g. forms a known phrase). */
    Optional<String> correct(String unknown, java.util.function.Predicate<String> fits) {
        String best = null;
        int bestFreq = 0;
        char[] s = unknown.toCharArray();
        StringBuilder b = new StringBuilder(s.length + 1);
        for (int i = 0; i <= s.length; i++) {
            for (char c : LETTERS) {
                b.setLength(0);
                b.append(s, 0, i).append(c).append(s, i, s.length - i);
                String candidate = b.toString();
                int f = docFreq.getOrDefault(candidate, 0);
                if (f > bestFreq && fits.test(candidate)) { best = candidate; bestFreq = f; }
            }
            if (i == s.length) {
                break;
            }
            b.setLength(0);
            b.append(s, 0, i).append(s, i + 1, s.length - i - 1);
            String deleted = b.toString();
            int fd = docFreq.getOrDefault(deleted, 0);
            if (fd > bestFreq && fits.test(deleted)) { best = deleted; bestFreq = fd; }
            for (char c : LETTERS) {
                if (c == s[i]) {
                    continue;
                }
                char[] r = s.clone();
                r[i] = c;
                String replaced = new String(r);
                int f = docFreq.getOrDefault(replaced, 0);
                if (f > bestFreq && fits.test(replaced)) { best = replaced; bestFreq = f; }
            }
            if (i + 1 < s.length && s[i] != s[i + 1]) {
                char[] t = s.clone();
                t[i] = s[i + 1];
                t[i + 1] = s[i];
                String swapped = new String(t);
                int f = docFreq.getOrDefault(swapped, 0);
                if (f > bestFreq && fits.test(swapped)) { best = swapped; bestFreq = f; }
            }
        }
        return Optional.ofNullable(best);
    }
}
