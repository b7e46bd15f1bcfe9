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

    ContentGapController(AnswerStatistics answers, KnowledgeBase knowledgeBase, ProvinceClock settings,
                         PageText text, ComposerOutcomes composers, ModelCalls model) {
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
    Map<String, Object> page(Authentication authentication) {
        LocalDate today = LocalDate.now(settings.zone());
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("unanswered", answers.unanswered(new Period(today.minusDays(DAYS), today), SHOWN));
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
