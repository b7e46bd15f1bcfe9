package vn.dvcassistant.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;
import vn.dvcassistant.kb.VietnameseText;

/**
 * Accuracy on the real content, each set as written and with its diacritics stripped (as many citizens
 * type), side by side with the peer (PostgreSQL full-text search over the same entries, which always
 * answers with its best match). The table it prints is the README's.
 *
 * <ul>
 *   <li>{@code eval/questions.tsv} (dev) and {@code eval/tune.tsv}: their questions are also in the
 *       content as ways of asking, so the classifier learned them: in-sample figures.
 *   <li>{@code eval/holdout.tsv}, {@code eval/holdout2.tsv}: never added to the content; holdout was looked
 *       at by category of miss in an earlier session, holdout2 never.
 *   <li>{@code eval/unseen4.tsv} and {@code eval/unseen5.tsv} (each with its conversations): written by someone
 *       who saw neither the content nor the other sets, committed before the search changed, and only ever
 *       measured (their misses are never printed): the honest figures for questions nobody tuned for.
 *   <li>{@code eval/unseen3.tsv} was one of those until session 8; {@code eval/tune4.tsv}, {@code eval/tune5.tsv}
 *       and unseen3 are now in the content as ways of asking too: in-sample figures.
 * </ul>
 *
 * Floors sit a little under what each set measured with this content, so a change that hurts fails here.
 */
class SearchAccuracyTest {

    private static KnowledgeBase kb;
    private static PostgresFullTextPeer peer;
    private static final List<String> TABLE = new ArrayList<>();

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.fromClasspath();
        peer = PostgresFullTextPeer.of(kb.topics());
    }

    @AfterAll
    static void printTable() throws Exception {
        peer.close();
        System.out.println("| set | top-1 | top-3 | out of scope not answered | wrong at ≥ 0.8 (in scope / out of scope)"
                + " | peer top-1 | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        TABLE.forEach(System.out::println);
    }

    @Test
    void devSet() {
        measure("eval/questions.tsv", 0.98, 0.99, 0.94);
    }

    @Test
    void tuneSet() {
        measure("eval/tune.tsv", 0.97, 0.99, 0.92);
    }

    @Test
    void fourthTuneSet() {
        measure("eval/tune4.tsv", 0.97, 0.99, 0.95);
    }

    @Test
    void fourthTuneConversations() {
        conversations("eval/tune4-conversations.tsv", 0.84);
    }

    @Test
    void fifthTuneSet() {
        measure("eval/tune5.tsv", 0.97, 0.99, 0.95);
    }

    @Test
    void fifthTuneConversations() {
        conversations("eval/tune5-conversations.tsv", 0.90);
    }

    @Test
    void heldOutSet() {
        measure("eval/holdout.tsv", 0.96, 0.98, 0.84);
    }

    @Test
    void unseenSetOfAnEarlierSession() {
        measure("eval/holdout2.tsv", 0.96, 0.98, 0.97);
    }

    @Test
    void unseenSet() {
        measure("eval/unseen3.tsv", 0.98, 0.99, 0.97);
    }

    @Test
    void fourthUnseenSet() {
        measure("eval/unseen4.tsv", 0.92, 0.98, 0.94);
    }

    @Test
    void fourthUnseenConversations() {
        conversations("eval/unseen4-conversations.tsv", 0.85);
    }

    @Test
    void fifthUnseenSet() {
        measure("eval/unseen5.tsv", 0.97, 0.99, 0.96);
    }

    @Test
    void fifthUnseenConversations() {
        conversations("eval/unseen5-conversations.tsv", 0.90);
    }

    @Test
    void unseenConversations() {
        conversations("eval/unseen3-conversations.tsv", 0.78);
    }

    @Test
    void tuneConversations() {
        conversations("eval/tune-conversations.tsv", 0.82);
    }

    /** The second message of each conversation, with the first answer's topic as context; frozen sets print no misses. */
    private static void conversations(String resource, double floor) {
        Conversations.Result result = Conversations.measure(resource, kb);
        System.out.println(result.summary());
        if (Boolean.getBoolean("kb.eval.verbose") && !frozen(resource)) {
            result.misses().forEach(m -> System.out.println("    " + m));
        }
        TABLE.add(result.row());
        assertThat(result.rate()).as("two-turn conversations right").isGreaterThanOrEqualTo(floor);
    }

    private static void measure(String resource, double top1, double top3, double rejected) {
        EvalSet set = EvalSet.fromClasspath(resource);
        for (EvalSet variant : new EvalSet[] {set, set.map("(no diacritics)", VietnameseText::fold)}) {
            Accuracy accuracy = Accuracy.measure(variant, kb::search);
            double peerTop1 = peerTop1(variant);
            System.out.println(accuracy.summary() + String.format(Locale.ROOT, "  peer top-1 %.1f%%", 100 * peerTop1));
            System.out.print(accuracy.calibration());
            if (Boolean.getBoolean("kb.eval.verbose") && !frozen(resource)) {
                accuracy.misses().forEach(m -> System.out.println("    " + m));
            }
            TABLE.add(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.1f%% (%d/%d) | %.1f%% / %d | %.1f%% | %.2f |",
                    variant.name(), 100 * accuracy.top1Rate(), 100 * accuracy.top3Rate(), 100 * accuracy.rejectionRate(),
                    accuracy.rejected(), accuracy.outOfScope(), 100 * accuracy.confidentWrongRate(),
                    accuracy.confidentOutOfScope(), 100 * peerTop1, accuracy.top1Rate() / peerTop1));
            assertThat(accuracy.top1Rate()).as(variant.name() + " top-1").isGreaterThanOrEqualTo(top1);
            assertThat(accuracy.top3Rate()).as(variant.name() + " top-3").isGreaterThanOrEqualTo(top3);
            assertThat(accuracy.rejectionRate()).as(variant.name() + " out-of-scope rejection").isGreaterThanOrEqualTo(rejected);
            assertThat(accuracy.top1Rate()).as(variant.name() + " ahead of the peer").isGreaterThan(peerTop1);
        }
    }

    /** The peer's best match is its answer: right when it is the topic meant (in-scope questions only). */
    private static double peerTop1(EvalSet set) {
        int inScope = 0, right = 0;
        for (EvalSet.Item item : set.items()) {
            if (item.outOfScope()) {
                continue;
            }
            inScope++;
            if (peer.best(item.question()).filter(item.topic()::equals).isPresent()) {
                right++;
            }
        }
        return (double) right / inScope;
    }

    /**
     * Sets that are only ever measured: their misses are never printed, so nobody tunes on them. unseen3 was
     * one until session 8, when its figure had been reported and newer frozen sets took its place.
     */
    private static boolean frozen(String resource) {
        return resource.contains("unseen4") || resource.contains("unseen5");
    }

    /** Reused by the conversation measure: what the assistant does with one message. */
    static boolean answersWith(SearchResult result, String topic) {
        boolean answered = result.outcome() == SearchOutcome.ANSWER;
        return EvalSet.OUT_OF_SCOPE.equals(topic) ? !answered : answered && result.hits().get(0).topic().id().equals(topic);
    }
}
