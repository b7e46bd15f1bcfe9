package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import vn.dvcassistant.app.llm.ComposerCounts;
import vn.dvcassistant.app.llm.ComposerOutcomes;
import vn.dvcassistant.app.llm.ModelCalls;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.Period;
import vn.dvcassistant.kb.KnowledgeBase;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.knowledge.CatalogueImport;
import vn.dvcassistant.app.knowledge.ContentArchive;
import vn.dvcassistant.kb.catalogue.CatalogueRefused;
import vn.dvcassistant.app.knowledge.ContentSettings;
import vn.dvcassistant.app.knowledge.ContentStore;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the knowledge base lacks: questions it could not answer (last 90 days) and entries past their review date;
 * with a language model configured, how often each entry was answered by it or by the template, and why.
 */
@Controller("/quan-tri/noi-dung")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ContentGapController {

    private static final int DAYS = 90;
    private static final int SHOWN = 100;

    private final AnswerStatistics answers;
    private final KnowledgeBase knowledgeBase;
    private final ProvinceClock settings;
    private final PageText text;
    private final ComposerOutcomes composers;
    private final ModelCalls model;
    private final ContentStore store;
    private final ContentArchive archive;
    private final ContentSettings contentSettings;
    private final CatalogueImport catalogueImport;

    /** A "Chưa hữu ích" rating as the page lists it, with the link that starts a topic from its question. */
    record UnhelpfulRow(String question, String topicId, String topicTitle, String reason, java.time.Instant ratedAt,
                        String newTopicLink) {
    }

    ContentGapController(AnswerStatistics answers, KnowledgeBase knowledgeBase, ProvinceClock settings,
                         PageText text, ComposerOutcomes composers, ModelCalls model, ContentStore store,
                         ContentArchive archive, ContentSettings contentSettings, CatalogueImport catalogueImport) {
        this.catalogueImport = catalogueImport;
        this.store = store;
        this.archive = archive;
        this.contentSettings = contentSettings;
        this.answers = answers;
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
        this.text = text;
        this.composers = composers;
        this.model = model;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("admin/content")
    Map<String, Object> page(Authentication authentication, @Nullable @QueryValue("xong") String done,
                             @Nullable @QueryValue("loi") String failed) {
        Map<String, Object> model = model(authentication);
        if ("uploaded".equals(done)) {
            model.put("notice", text.get(contentSettings.review() ? "admin.content.uploaded.drafts" : "admin.content.uploaded.published"));
        } else if ("unchanged".equals(done)) {
            model.put("notice", text.get("admin.content.uploaded.unchanged"));
        }
        if ("topic".equals(failed)) {
            model.put("error", text.get("admin.content.chooseTopic"));
        }
        return model;
    }

    /** A zip of YAML files or one YAML file: checked whole, stored as drafts (or published when review is off). */
    @Post(value = "/tai-len", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(Authentication authentication, @Part("file") CompletedFileUpload file) throws IOException {
        try {
            ContentArchive.Imported imported = archive.importFiles(
                    List.of(new ContentArchive.Upload(file.getFilename(), file.getBytes())), authentication.getName(), "upload");
            return HttpResponse.seeOther(URI.create("/quan-tri/noi-dung?xong=" + (imported.changed().isEmpty() ? "unchanged" : "uploaded")));
        } catch (ContentArchive.ContentRefused refused) {
            Map<String, Object> model = model(authentication);
            model.put("error", text.get("error.invalid_content"));
            model.put("uploadProblems", refused.problems());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/content", model));
        }
    }

    /** The province's procedure catalogue from the page: the import report shown in place. */
    @Post(value = "/danh-muc", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> catalogue(Authentication authentication, @Part("file") CompletedFileUpload file) throws IOException {
        Map<String, Object> model = model(authentication);
        try {
            model.put("catalogueReport", catalogueImport.importFile(file.getFilename(), file.getBytes(), authentication.getName()));
            return HttpResponse.ok(new ModelAndView<>("admin/content", model));
        } catch (CatalogueRefused refused) {
            model.put("error", text.get("error.invalid_catalogue") + " " + refused.getMessage());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/content", model));
        }
    }

    private Map<String, Object> model(Authentication authentication) {
        LocalDate today = LocalDate.now(settings.zone());
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("notice", null);
        model.put("error", null);
        model.put("uploadProblems", List.of());
        model.put("catalogueReport", null);
        model.put("unanswered", answers.unanswered(new Period(today.minusDays(DAYS), today), SHOWN));
        model.put("unhelpful", answers.unhelpful(new Period(today.minusDays(DAYS), today), SHOWN).stream()
                .map(u -> new UnhelpfulRow(u.question(), u.topicId() == null ? "" : u.topicId(),
                        u.topicId() == null ? "" : knowledgeBase.topic(u.topicId()).map(Topic::title).orElse(u.topicId()),
                        u.reason() == null ? "" : u.reason(), u.ratedAt(), TopicEditorPageController.link(u.question())))
                .toList());
        model.put("drafts", store.drafts());
        model.put("curated", knowledgeBase.topics().stream().filter(t -> !CatalogueTopics.isCatalogue(t)).toList());
        model.put("review", contentSettings.review());
        // Oldest due first: the entry past its review date the longest is the likeliest to be wrong.
        model.put("stale", knowledgeBase.staleOn(today).stream()
                .sorted(java.util.Comparator.comparing(vn.dvcassistant.kb.Topic::reviewBy)).toList());
        model.put("llmEnabled", this.model.enabled());
        model.put("composers", composerRows(today.minusDays(DAYS)));
        return model;
    }

    /** Counts are kept while a model is configured, so a province that turned it off still sees its past. */
    private List<ComposerRow> composerRows(LocalDate since) {
        return composers.since(since).entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().total(), a.getValue().total()))
                .map(e -> new ComposerRow(e.getKey(),
                        knowledgeBase.topic(e.getKey()).map(t -> t.title()).orElse(e.getKey()),
                        e.getValue().byModel(), e.getValue().byTemplate(), reasons(e.getValue())))
                .toList();
    }

    private String reasons(ComposerCounts counts) {
        return counts.reasons().entrySet().stream()
                .map(r -> text.get("admin.content.composer.reason." + r.getKey()) + ": " + r.getValue())
                .collect(Collectors.joining("; "));
    }
}
