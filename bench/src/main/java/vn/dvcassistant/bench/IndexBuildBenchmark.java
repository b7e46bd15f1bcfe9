package vn.dvcassistant.bench;

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
import vn.dvcassistant.kb.Topic;

/**
 * Time to build a knowledge base: for the real content, reading and validating the YAML files plus
 * indexing (what a reload costs); for the synthetic one, indexing topics already in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IndexBuildBenchmark {

    @Param({"real", "synthetic-100000"})
    public String corpus;

    private List<Topic> synthetic;

    @Setup(Level.Trial)
    public void generate() {
        if (!corpus.equals("real")) {
            synthetic = SyntheticTopics.generate(Integer.parseInt(corpus.substring(corpus.indexOf('-') + 1)), 20261122L);
        }
    }

    @Benchmark
    public KnowledgeBase build() {
        return corpus.equals("real") ? KnowledgeBase.fromClasspath() : KnowledgeBase.fromTopics(synthetic);
    }
}
