package vn.dvcassistant.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.VietnameseText;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;
import vn.dvcassistant.kb.catalogue.SyntheticCatalogue;
import vn.dvcassistant.kb.content.ContentSource;

/**
 * The province's whole catalogue next to the curated topics: with the 2,000 synthetic rows (and the
 * sample's rows left out: they are real procedures the curated topics cover, linked by procedure_codes) loaded, the question sets lose at most 2 points of top-1. Prints the figures; the frozen
 * set's totals only.
 */
class CatalogueAccuracyTest {

    private static final double MAX_DROP = 0.02;
    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    private static KnowledgeBase curated;
    private static KnowledgeBase withCatalogue;

    @BeforeAll
    static void load() throws Exception {
        curated = KnowledgeBase.fromClasspath();
        List<Topic> catalogue = new ArrayList<>();
        SyntheticCatalogue.rows(2000, 16).forEach(r -> catalogue.add(CatalogueTopics.toTopic(r, DAY)));
        long start = System.nanoTime();
        withCatalogue = KnowledgeBase.fromFiles(ContentSource.classpath().read(), catalogue);
        System.out.printf(Locale.ROOT, "index of %d topics built in %d ms%n", withCatalogue.topics().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void devSet() {
        compare("eval/questions.tsv");
    }

    @Test
    void tuneSet() {
        compare("eval/tune.tsv");
    }

    @Test
    void heldOutSets() {
        compare("eval/holdout.tsv");
        compare("eval/holdout2.tsv");
    }

    @Test
    void frozenSetsTotalsOnly() {
        compare("eval/unseen4.tsv");
        compare("eval/unseen5.tsv");
    }

    private static void compare(String resource) {
        EvalSet set = EvalSet.fromClasspath(resource);
        for (EvalSet variant : new EvalSet[] {set, set.map("(no diacritics)", VietnameseText::fold)}) {
            Accuracy before = Accuracy.measure(variant, curated::search);
            Accuracy after = Accuracy.measure(variant, withCatalogue::search);
            System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", variant.name(),
                    100 * before.top1Rate(), 100 * after.top1Rate(), 100 * before.rejectionRate(), 100 * after.rejectionRate());
            assertThat(after.top1Rate()).as(variant.name() + " top-1 with the catalogue")
                    .isGreaterThanOrEqualTo(before.top1Rate() - MAX_DROP);
        }
    }
}
