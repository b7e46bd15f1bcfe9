package vn.dvcassistant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchResult;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;
import vn.dvcassistant.kb.catalogue.SyntheticCatalogue;
import vn.dvcassistant.kb.content.ContentSource;

/**
 * Latency of one {@link KnowledgeBase#search} call (analysis, Lucene query, features, confidence) on
 * the real content, on the real content with a province-sized procedure catalogue (2,000 synthetic rows,
 * indexed as the app indexes an imported catalogue) and on a synthetic 100,000-entry knowledge base.
 * SampleTime mode reports p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SearchBenchmark {

    @Param({"real", "real+catalogue-2000", "synthetic-100000"})
    public String corpus;

    private KnowledgeBase kb;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        if (corpus.equals("real")) {
            kb = KnowledgeBase.fromClasspath();
        } else if (corpus.startsWith("real+catalogue-")) {
            int rows = Integer.parseInt(corpus.substring(corpus.lastIndexOf('-') + 1));
            kb = withCatalogue(rows);
        } else {
            int size = Integer.parseInt(corpus.substring(corpus.indexOf('-') + 1));
            kb = KnowledgeBase.fromTopics(SyntheticTopics.generate(size, 20261122L));
        }
    }

    /** The curated content plus catalogue entries, as the app serves them after a catalogue import. */
    static KnowledgeBase withCatalogue(int rows) {
        LocalDate updated = LocalDate.of(2026, 12, 5);
        List<Topic> catalogue = SyntheticCatalogue.rows(rows, 16).stream()
                .map(row -> CatalogueTopics.toTopic(row, updated)).toList();
        try {
            return KnowledgeBase.fromFiles(ContentSource.classpath().read(), catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public SearchResult search() {
        String query = Queries.CITIZEN[next++ % Queries.CITIZEN.length];
        return kb.search(query, 5);
    }
}
