package vn.dvcassistant.kb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.ContentValidationException;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.TopicKind;

class ContentLoaderTest {

    static Path resource(String name) {
        try {
            return Path.of(ContentLoaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void loadsEveryFieldOfAValidTopic() {
        LoadedContent content = new ContentLoader().load(ContentSource.directory(resource("content-valid")));

        assertThat(content.topics()).extracting(Topic::id)
                .containsExactly("dang-ky-ket-hon", "dang-ky-khai-sinh", "the-can-cuoc");
        Topic ks = content.topics().get(1);
        assertThat(ks.title()).isEqualTo("Đăng ký khai sinh");
        assertThat(ks.field()).isEqualTo(Field.HO_TICH);
        assertThat(ks.online()).isEqualTo(OnlineLevel.TOAN_TRINH);
        assertThat(ks.steps()).hasSize(2);
        assertThat(ks.questions()).hasSize(4);
        assertThat(ks.officialUrl()).isEqualTo("https://dichvucong.gov.vn/");
        assertThat(ks.reviewBy()).isEqualTo(LocalDate.of(2027, 5, 22));
        assertThat(ks.kind()).isEqualTo(TopicKind.PROCEDURE);
        assertThat(ks.shortAnswer()).startsWith("Cha hoặc mẹ đăng ký khai sinh cho con");
        assertThat(ks.firstReply()).isEqualTo(ks.shortAnswer());
        assertThat(ks.procedureCodes()).containsExactly("0.000001");
        Topic kh = content.topics().get(0);
        assertThat(kh.shortAnswer()).isEqualTo("Hai bạn đăng ký kết hôn ở Ủy ban nhân dân xã, không mất phí.");
        assertThat(kh.firstReply()).isEqualTo(kh.shortAnswer());
        assertThat(content.synonyms().canonicalByVariant()).containsEntry("cccd", "can cuoc cong dan");
    }

    @Test
    void anInformationTopicHasNoProcedureFields() {
        LoadedContent content = new ContentLoader().load(ContentSource.directory(resource("content-information")));

        Topic info = content.topics().get(0);
        assertThat(info.kind()).isEqualTo(TopicKind.INFORMATION);
        assertThat(info.isProcedure()).isFalse();
        assertThat(info.authority()).isNull();
        assertThat(info.online()).isNull();
        assertThat(info.fee()).isNull();
        assertThat(info.processingTime()).isNull();
    }

    @Test
    void anInformationTopicWithoutAShortAnswerOpensWithItsSummary() {
        LoadedContent content = new ContentLoader().load(ContentSource.directory(resource("content-information")));

        Topic info = content.topics().stream().filter(t -> t.id().equals("khong-co-short")).findFirst().orElseThrow();
        assertThat(info.shortAnswer()).isNull();
        assertThat(info.firstReply()).isEqualTo(info.summary());
    }

    @Test
    void aProcedureWithoutAShortAnswerIsRefused() {
        assertThatThrownBy(() -> new ContentLoader().load(ContentSource.directory(resource("content-bad"))))
                .isInstanceOfSatisfying(ContentValidationException.class, e -> {
                    assertThat(e.problems()).extracting(ContentProblem::file, ContentProblem::field)
                            .contains(tuple("ho-tich/no-short.yml", "short"));
                    assertThat(messageFor(e.problems(), "ho-tich/no-short.yml")).contains("a procedure needs a short answer");
                });
    }

    @Test
    void everyPackagedProcedureHasAShortAnswerWithinTheLimits() {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());

        assertThat(content.topics()).filteredOn(Topic::isProcedure).allSatisfy(t -> {
            assertThat(t.shortAnswer()).as(t.id()).isNotBlank();
            assertThat(t.shortAnswer().strip().split("\\s+")).as(t.id()).hasSizeLessThanOrEqualTo(TopicFileParser.MAX_SHORT_WORDS);
            assertThat(TopicFileParser.sentenceCount(t.shortAnswer())).as(t.id())
                    .isLessThanOrEqualTo(TopicFileParser.MAX_SHORT_SENTENCES);
        });
    }

    @Test
    void countsSentencesOfAShortAnswerWithoutBeingFooledByAmounts() {
        assertThat(TopicFileParser.sentenceCount("Lệ phí 1.000.000 đồng. Làm ở xã")).isEqualTo(2);
        assertThat(TopicFileParser.sentenceCount("Một câu thôi.")).isEqualTo(1);
        assertThat(TopicFileParser.sentenceCount("Hỏi gì? Được! Xong... Thêm")).isEqualTo(4);
    }

    @Test
    void reportsEveryProblemAtOnceNamingFileAndField() {
        ContentLoader loader = new ContentLoader();
        ContentSource bad = ContentSource.directory(resource("content-bad"));

        assertThatThrownBy(() -> loader.load(bad))
                .isInstanceOfSatisfying(ContentValidationException.class, e -> {
                    List<ContentProblem> problems = e.problems();
                    assertThat(problems).extracting(ContentProblem::file, ContentProblem::field)
                            .contains(
                                    tuple("ho-tich/dang-ky-khai-sinh.yml", "id"),
                                    tuple("ho-tich/missing-title.yml", "title"),
                                    tuple("ho-tich/unknown-field-code.yml", "field"),
                                    tuple("ho-tich/bad-date.yml", "reviewed"),
                                    tuple("ho-tich/long-summary.yml", "summary"),
                                    tuple("ho-tich/bad-url.yml", "official_url"),
                                    tuple("ho-tich/id-not-file-name.yml", "id"),
                                    tuple("ho-tich/field-not-folder.yml", "field"),
                                    tuple("ho-tich/unknown-online-level.yml", "online"),
                                    tuple("ho-tich/few-questions.yml", "questions"),
                                    tuple("ho-tich/unknown-key.yml", "review-by"),
                                    tuple("ho-tich/not-yaml.yml", ContentProblem.WHOLE_FILE),
                                    tuple("dvc-chung/info-with-fee.yml", "fee"),
                                    tuple("dvc-chung/long-short.yml", "short"),
                                    tuple("dvc-chung/unknown-kind.yml", "kind"),
                                    tuple("dvc-chung/bad-code.yml", "procedure_codes"),
                                    tuple("synonyms.yml", "thông tư"));
                    assertThat(messageFor(problems, "ho-tich/dang-ky-khai-sinh.yml")).contains("duplicate id", "cu-tru/dang-ky-khai-sinh.yml");
                    assertThat(messageFor(problems, "ho-tich/missing-title.yml")).isEqualTo("missing field");
                    assertThat(messageFor(problems, "ho-tich/unknown-field-code.yml")).contains("unknown field code \"ho-tic\"");
                    assertThat(messageFor(problems, "ho-tich/bad-date.yml")).contains("bad date \"2026-13-45\"");
                    assertThat(messageFor(problems, "ho-tich/long-summary.yml")).contains("81 words");
                    assertThat(messageFor(problems, "ho-tich/bad-url.yml")).contains("malformed URL");
                    assertThat(messageFor(problems, "ho-tich/id-not-file-name.yml")).contains("file name");
                    assertThat(messageFor(problems, "ho-tich/field-not-folder.yml")).contains("folder");
                    assertThat(messageFor(problems, "ho-tich/unknown-online-level.yml")).contains("toàn bộ");
                    assertThat(messageFor(problems, "ho-tich/few-questions.yml")).contains("at least 4");
                    assertThat(messageFor(problems, "dvc-chung/info-with-fee.yml")).contains("information topic has no fee");
                    assertThat(messageFor(problems, "dvc-chung/long-short.yml")).contains("4 sentences, at most 3");
                    assertThat(messageFor(problems, "dvc-chung/unknown-kind.yml")).contains("unknown kind \"thong-tin\"");
                    assertThat(e.getMessage()).contains("dvc-chung/bad-code.yml: procedure_codes: \"TTHC-12\" is not a procedure code");
                    assertThat(e.getMessage()).contains("ho-tich/bad-url.yml: official_url: malformed URL");
                });
    }

    @Test
    void aMissingDirectoryIsAProblemNotACrash() {
        assertThatThrownBy(() -> new ContentLoader().load(ContentSource.directory(Path.of("/no/such/dir"))))
                .isInstanceOf(ContentValidationException.class)
                .hasMessageContaining("content directory not found");
    }

    @Test
    void readsThePackagedContentFromTheClasspath() {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        assertThat(content.topics()).hasSizeGreaterThanOrEqualTo(70);
        assertThat(content.synonyms().size()).isGreaterThan(30);
    }

    private static String messageFor(List<ContentProblem> problems, String file) {
        return problems.stream().filter(p -> p.file().equals(file)).map(ContentProblem::message)
                .findFirst().orElseThrow(() -> new AssertionError("no problem reported for " + file));
    }
}
