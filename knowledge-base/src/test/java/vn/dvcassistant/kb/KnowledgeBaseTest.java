package vn.dvcassistant.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyValidContent() throws Exception {
        Path source = Path.of(KnowledgeBaseTest.class.getClassLoader().getResource("content-valid").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void findsATopicWithOrWithoutDiacriticsAndAbbreviations() {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);

        assertThat(kb.search("Đăng ký khai sinh cho con", 3).hits().get(0).topic().id()).isEqualTo("dang-ky-khai-sinh");
        assertThat(kb.search("dang ky khai sinh cho con", 3).hits().get(0).topic().id()).isEqualTo("dang-ky-khai-sinh");
        assertThat(kb.search("đổi cccd", 3).hits().get(0).topic().id()).isEqualTo("the-can-cuoc");
        assertThat(kb.search("đăng kí kết hôn", 3).hits().get(0).topic().id()).isEqualTo("dang-ky-ket-hon");
    }

    @Test
    void looksTopicsUp() {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        assertThat(kb.topics()).hasSize(3);
        assertThat(kb.topic("the-can-cuoc")).map(Topic::title).contains("Cấp, cấp đổi, cấp lại thẻ căn cước");
        assertThat(kb.topic("no-such-topic")).isEmpty();
    }

    @Test
    void listsEntriesWhoseReviewDatePassed() {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        // dang-ky-ket-hon has review_by 2026-01-31; the others 2027-05-22.
        assertThat(kb.staleOn(LocalDate.of(2026, 1, 31))).isEmpty();
        assertThat(kb.staleOn(LocalDate.of(2026, 2, 1))).extracting(Topic::id).containsExactly("dang-ky-ket-hon");
        assertThat(kb.staleOn(LocalDate.of(2027, 5, 23))).hasSize(3);
    }

    @Test
    void reloadServesEditedContent() throws IOException {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        Instant first = kb.loadedAt();
        assertThat(kb.search("bé yêu", 3).hits()).extracting(h -> h.topic().id()).doesNotContain("dang-ky-khai-sinh");

        Path file = dir.resolve("ho-tich/dang-ky-khai-sinh.yml");
        Files.writeString(file, Files.readString(file).replace("  - giấy khai sinh", "  - giấy khai sinh\n  - sổ bé yêu"));
        ReloadResult result = kb.reload();

        assertThat(result.success()).isTrue();
        assertThat(result.topicCount()).isEqualTo(3);
        assertThat(result.problems()).isEmpty();
        assertThat(kb.loadedAt()).isAfterOrEqualTo(first);
        assertThat(kb.search("bé yêu", 3).hits().get(0).topic().id()).isEqualTo("dang-ky-khai-sinh");
    }

    @Test
    void failedReloadKeepsTheOldIndexAndSaysWhy() throws IOException {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        Instant loaded = kb.loadedAt();
        Path file = dir.resolve("cu-tru/the-can-cuoc.yml");
        Files.writeString(file, Files.readString(file).replace("online: toàn trình", "online: hết cỡ")
                .replace("official_url: https://dichvucong.gov.vn/", "official_url: dichvucong"));
        Files.delete(dir.resolve("ho-tich/dang-ky-ket-hon.yml"));

        ReloadResult result = kb.reload();

        assertThat(result.success()).isFalse();
        assertThat(result.topicCount()).isEqualTo(3);
        assertThat(result.problems()).extracting(ContentProblem::file, ContentProblem::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("cu-tru/the-can-cuoc.yml", "online"),
                        org.assertj.core.groups.Tuple.tuple("cu-tru/the-can-cuoc.yml", "official_url"));
        assertThat(kb.loadedAt()).isEqualTo(loaded);
        assertThat(kb.topics()).hasSize(3);
        assertThat(kb.search("đăng ký kết hôn", 3).hits().get(0).topic().id()).isEqualTo("dang-ky-ket-hon");
    }

    @Test
    void invalidContentFailsAtStartWithEveryProblem() throws IOException {
        Files.writeString(dir.resolve("ho-tich/dang-ky-khai-sinh.yml"), "id: dang-ky-khai-sinh\n");
        assertThatThrownBy(() -> KnowledgeBase.fromDirectory(dir))
                .isInstanceOfSatisfying(ContentValidationException.class,
                        e -> assertThat(e.problems()).hasSizeGreaterThan(10)
                                .allSatisfy(p -> assertThat(p.file()).isEqualTo("ho-tich/dang-ky-khai-sinh.yml")));
    }

    @Test
    void oddQueriesGiveAClearResultNotAnException() {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        for (String query : new String[] {null, "", "   \t\n", "😀🙏👍", "???!!!", "\u0000\u200b"}) {
            SearchResult result = kb.search(query, 3);
            assertThat(result.outcome()).as("query %s", query).isEqualTo(SearchOutcome.EMPTY_QUERY);
            assertThat(result.hits()).isEmpty();
            assertThat(result.confidence()).isZero();
        }
        String huge = "đăng ký khai sinh ".repeat(600);
        SearchResult result = kb.search(huge, 3);
        assertThat(result.query().length()).isLessThanOrEqualTo(500);
        assertThat(result.hits().get(0).topic().id()).isEqualTo("dang-ky-khai-sinh");
        assertThat(kb.search("x".repeat(10_000), 3).outcome()).isIn(SearchOutcome.FALLBACK, SearchOutcome.CLARIFY);
        assertThat(kb.search("khai sinh", 0).hits()).hasSize(1);
    }

    @Test
    void confidencesAreProbabilitiesInRankOrder() {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        SearchResult result = kb.search("đăng ký kết hôn", 3);
        assertThat(result.confidence()).isBetween(0.0, 1.0).isEqualTo(result.hits().get(0).confidence());
        for (int i = 1; i < result.hits().size(); i++) {
            assertThat(result.hits().get(i).confidence()).isLessThanOrEqualTo(result.hits().get(i - 1).confidence());
            assertThat(result.hits().get(i).score()).isLessThanOrEqualTo(result.hits().get(i - 1).score());
        }
    }

    @Test
    void searchesRunWhileReloading() throws Exception {
        KnowledgeBase kb = KnowledgeBase.fromDirectory(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> kb.search("đổi thẻ căn cước", 3).hits().get(0).topic().id()));
                if (i % 50 == 0) {
                    pool.submit(kb::reload);
                }
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("the-can-cuoc");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void foldHelperStripsDiacriticsAndCase() {
        assertThat(VietnameseText.fold("Đăng KÝ Khai Sinh")).isEqualTo("dang ky khai sinh");
        assertThat(VietnameseText.fold("Cảm ơn, được rồi!")).isEqualTo("cam on, duoc roi!");
        assertThat(VietnameseText.fold(null)).isEmpty();
    }
}
