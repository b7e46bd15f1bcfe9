package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

/**
 * Two-turn conversations ({@code first_topic<TAB>first<TAB>second_topic<TAB>second}): the second message
 * either follows up on the first ("thế lệ phí bao nhiêu?") or changes the subject. Measured as the
 * conversation engine uses the knowledge base: the first answer's topic is the context of the second
 * search; a conversation is right when its second message gets the topic meant (or, out of scope, no answer).
 */
final class Conversations {

    record Turns(String firstTopic, String first, String secondTopic, String second) {
    }

    record Result(String name, int total, int right, int followUps, int followUpsRight, List<String> misses) {

        double rate() {
            return (double) right / total;
        }

        String summary() {
            return String.format(Locale.ROOT, "%-40s conversations right %.1f%% (%d/%d); follow-ups on the same topic %d/%d",
                    name, 100 * rate(), right, total, followUpsRight, followUps);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s (second message right) | %.1f%% (%d/%d) | | | | | |", name, 100 * rate(),
                    right, total);
        }
    }

    private Conversations() {
    }

    static List<Turns> fromClasspath(String resource) {
        try (InputStream in = Conversations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<Turns> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] p = lines[i].split("\t");
                if (p.length != 4) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": expected 4 columns");
                }
                out.add(new Turns(p[0].strip(), p[1].strip(), p[2].strip(), p[3].strip()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result measure(String resource, KnowledgeBase kb) {
        List<Turns> conversations = fromClasspath(resource);
        int right = 0, followUps = 0, followUpsRight = 0;
        List<String> misses = new ArrayList<>();
        for (Turns t : conversations) {
            SearchResult first = kb.search(t.first(), Accuracy.K);
            String context = first.outcome() == SearchOutcome.ANSWER ? first.hits().get(0).topic().id() : null;
            SearchResult second = kb.search(t.second(), Accuracy.K, context);
            boolean ok = SearchAccuracyTest.answersWith(second, t.secondTopic());
            boolean sameTopic = t.firstTopic().equals(t.secondTopic());
            if (sameTopic) {
                followUps++;
            }
            if (ok) {
                right++;
                followUpsRight += sameTopic ? 1 : 0;
            } else {
                misses.add(String.format(Locale.ROOT, "%s -> %s got %s %s (first: %s %s) <- %s", t.firstTopic(), t.secondTopic(),
                        second.outcome(), second.hits().isEmpty() ? "-" : second.hits().get(0).topic().id(),
                        first.outcome(), context, t.second()));
            }
        }
        return new Result(resource, conversations.size(), right, followUps, followUpsRight, misses);
    }
}
