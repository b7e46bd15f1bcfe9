package vn.dvcassistant.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The classifier's favourites added to the candidates are those a full sort by probability would give. */
class MostProbableTest {

    @Test
    void picksWhatSortingEveryClassWouldWithTiesToTheLowerClass() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int classes = 1 + random.nextInt(60);
            // Few distinct values, so ties are common.
            double[] p = IntStream.range(0, classes + 1).mapToDouble(i -> random.nextInt(8) / 8.0).toArray();
            int n = 1 + random.nextInt(5);
            List<Integer> sorted = IntStream.range(0, classes).boxed()
                    .sorted((a, b) -> Double.compare(p[b], p[a])).limit(n).toList();
            assertThat(TopicIndex.mostProbable(p, classes, n)).as("round %d", round).isEqualTo(sorted);
        }
    }
}
