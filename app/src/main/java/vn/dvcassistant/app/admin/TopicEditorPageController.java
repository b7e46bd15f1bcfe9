package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.api.RefusalHandler;
import vn.dvcassistant.app.channel.ChannelPreview;
import vn.dvcassistant.app.conversation.AnswerPreview;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.knowledge.ContentSettings;
import vn.dvcassistant.app.knowledge.ContentStore;
import vn.dvcassistant.app.knowledge.EntryVersion;
import vn.dvcassistant.app.knowledge.LineDiff;
import vn.dvcassistant.app.knowledge.TopicDrafts;
import vn.dvcassistant.app.knowledge.TopicProblems;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.Period;
import vn.dvcassistant.app.stats.UnansweredQuestion;
import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.kb.Topic;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor of one knowledge-base entry on the staff pages: a form for every field with the loader's problems
 * next to each, the answer previewed as the web chat, Telegram and Zalo show it, draft → approval by another
 * staff member → published, which recent unanswered questions the draft would answer, and the history with
 * what changed in each version and "restore as draft".
 */
@Controller("/quan-tri/noi-dung")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class TopicEditorPageController {

    private static final String PAGE = "/quan-tri/noi-dung/chu-de/";
    private static final Set<String> DONE = Set.of("saved", "approved", "restored", "question");
    private static final int DAYS = 90;

    private final TopicDrafts drafts;
    private final ContentStore store;
    private final ContentSettings settings;
    private final AnswerPreview preview;
    private final ChannelPreview channels;
    private final AnswerStatistics answers;
    private final ProvinceClock clock;
    private final PageText text;
    private final Messages messages;

    TopicEditorPageController(TopicDrafts drafts, ContentStore store, ContentSettings settings, AnswerPreview preview,
                              ChannelPreview channels, AnswerStatistics answers, ProvinceClock clock, PageText text,
                              Messages messages) {
        this.drafts = drafts;
        this.store = store;
        this.settings = settings;
        this.preview = preview;
        this.channels = channels;
        this.answers = answers;
        this.clock = clock;
        this.text = text;
        this.messages = messages;
    }

    /** A version in the history, with what changed since the version published before it. */
    record HistoryRow(int version, String state, String author, @Nullable String reviewer, String origin,
                      String createdAt, String publishedAt, List<String> changes, boolean restorable) {
    }

    /** A new topic, its first way of asking filled in when it starts from a citizen's question. */
    @Get("/chu-de-moi")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> newTopic(Authentication who, @Nullable @QueryValue("hoi") String question) {
        Map<String, String> form = TopicForm.texts(Map.of());
        LocalDate today = clock.today();
        form.put("reviewed", today.toString());
        form.put("review_by", today.plusMonths(6).toString());
        if (question != null && !question.isBlank()) {
            form.put("questions", question.strip());
        }
        Map<String, Object> model = base(who, "", true);
        model.put("form", form);
        return new ModelAndView<>("admin/topic", model);
    }

    @Post(value = "/chu-de-moi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> createTopic(Authentication who, @Body Map<String, String> form) {
        String id = form.getOrDefault("id", "").strip();
        if (!id.isEmpty() && store.current(id, EntryVersion.PUBLISHED).isPresent()) {
            return invalid(who, id, true, form, Map.of("id", List.of(messages.get("admin.topic.idTaken"))));
        }
        return save(who, id, true, form);
    }

    @Get("/chu-de/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(Authentication who, @PathVariable String id, @Nullable @QueryValue("xong") String done) {
        Optional<EntryVersion> editable = drafts.editable(id);
        if (editable.isEmpty()) {
            return HttpResponse.notFound();
        }
        Map<String, Object> model = editor(who, id);
        model.put("form", TopicForm.texts(TopicDrafts.fields(editable.get())));
        if (done != null && DONE.contains(done)) {
            model.put("notice", messages.get("admin.topic.done." + done));
        }
        return HttpResponse.ok(new ModelAndView<>("admin/topic", model));
    }

    @Post(value = "/chu-de/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> saveDraft(Authentication who, @PathVariable String id, @Body Map<String, String> form) {
        return save(who, id, false, form);
    }

    @Post(value = "/chu-de/{id}/duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> approve(Authentication who, @PathVariable String id) {
        return act(who, id, () -> drafts.approve(id, who.getName()), "approved");
    }

    @Post(value = "/chu-de/{id}/khoi-phuc/{version}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> restore(Authentication who, @PathVariable String id, @PathVariable int version) {
        return act(who, id, () -> drafts.restore(id, version, who.getName()), "restored");
    }

    /** The "open a topic" box of the content page: its id, typed or picked from the list. */
    @Get("/mo")
    HttpResponse<?> open(@Nullable @QueryValue("id") String id) {
        if (id == null || drafts.editable(id.strip()).isEmpty()) {
            return HttpResponse.seeOther(URI.create("/quan-tri/noi-dung?loi=topic"));
        }
        return HttpResponse.seeOther(URI.create(PAGE + URLEncoder.encode(id.strip(), StandardCharsets.UTF_8)));
    }

    /** "Add as a way of asking topic X": the question goes into the topic's draft, for review like any change. */
    @Post(value = "/them-cau-hoi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> addQuestion(Authentication who, @Body Map<String, String> form) {
        String id = form.getOrDefault("topicId", "");
        String question = form.getOrDefault("question", "");
        if (id.isBlank() || question.isBlank() || drafts.editable(id).isEmpty()) {
            return HttpResponse.seeOther(URI.create("/quan-tri/noi-dung?loi=topic"));
        }
        try {
            drafts.addQuestion(id, question, who.getName());
        } catch (TopicProblems problems) {
            // The entry's open draft has problems of its own: the editor sees them on the form.
            return HttpResponse.seeOther(URI.create(PAGE + id));
        }
        return HttpResponse.seeOther(URI.create(PAGE + id + "?xong=question"));
    }

    private HttpResponse<?> save(Authentication who, String id, boolean isNew, Map<String, String> form) {
        try {
            TopicDrafts.checkId(id);
            drafts.saveDraft(id, TopicForm.entry(form), who.getName(), "editor");
        } catch (TopicProblems problems) {
            return invalid(who, id, isNew, form, problems.byField());
        }
        return HttpResponse.seeOther(URI.create(PAGE + id + "?xong=saved"));
    }

    private HttpResponse<?> invalid(Authentication who, String id, boolean isNew, Map<String, String> form,
                                    Map<String, List<String>> errors) {
        Map<String, Object> model = isNew || drafts.editable(id).isEmpty() ? base(who, id, true) : editor(who, id);
        Map<String, String> shown = new LinkedHashMap<>(TopicForm.texts(Map.of()));
        shown.putAll(form);
        model.put("form", shown);
        model.put("errors", errors);
        model.put("error", messages.get("error.invalid_topic"));
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/topic", model));
    }

    private HttpResponse<?> act(Authentication who, String id, Runnable action, String done) {
        if (drafts.editable(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        try {
            action.run();
            return HttpResponse.seeOther(URI.create(PAGE + id + "?xong=" + done));
        } catch (Refusal refused) {
            Map<String, Object> model = editor(who, id);
            drafts.editable(id).ifPresent(v -> model.put("form", TopicForm.texts(TopicDrafts.fields(v))));
            model.put("error", messages.get("error." + refused.code()));
            return HttpResponse.status(RefusalHandler.status(refused)).body(new ModelAndView<>("admin/topic", model));
        }
    }

    private Map<String, Object> base(Authentication who, String id, boolean isNew) {
        Map<String, Object> model = StaffPages.model(StaffMember.of(who), text);
        model.put("id", id);
        model.put("isNew", isNew);
        model.put("controls", TopicForm.CONTROLS);
        model.put("form", TopicForm.texts(Map.of()));
        model.put("errors", Map.of());
        model.put("error", null);
        model.put("notice", null);
        model.put("draft", null);
        model.put("published", null);
        model.put("canApprove", false);
        model.put("preview", null);
        model.put("history", List.of());
        model.put("wouldAnswer", List.of());
        model.put("review", settings.review());
        return model;
    }

    /** The page of an existing entry: its state, preview, the questions the draft would answer, its history. */
    private Map<String, Object> editor(Authentication who, String id) {
        Map<String, Object> model = base(who, id, false);
        Optional<EntryVersion> draft = store.current(id, EntryVersion.DRAFT);
        Optional<EntryVersion> published = store.current(id, EntryVersion.PUBLISHED);
        model.put("draft", draft.orElse(null));
        model.put("published", published.orElse(null));
        model.put("canApprove", draft.isPresent() && (!settings.review() || !draft.get().author().equals(who.getName())));
        draft.or(() -> published).flatMap(v -> topic(id, v)).ifPresent(topic -> {
            ChatReply reply = preview.reply(topic);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("short", reply.parts() == null ? "" : reply.parts().shortAnswer());
            shown.put("web", reply.answer());
            shown.put("telegram", channels.telegram(reply));
            shown.put("zalo", channels.zalo(reply));
            model.put("preview", shown);
        });
        if (draft.isPresent()) {
            LocalDate today = clock.today();
            List<String> unanswered = answers.unanswered(new Period(today.minusDays(DAYS), today), 100).stream()
                    .map(UnansweredQuestion::question).toList();
            model.put("wouldAnswer", drafts.wouldAnswer(id, unanswered));
        }
        model.put("history", history(id));
        return model;
    }

    private Optional<Topic> topic(String id, EntryVersion version) {
        try {
            Map<String, Object> fields = new LinkedHashMap<>(TopicDrafts.fields(version));
            fields.remove("id");
            return Optional.of(drafts.check(id, fields));
        } catch (TopicProblems e) {
            return Optional.empty();
        }
    }

    private List<HistoryRow> history(String id) {
        List<EntryVersion> versions = store.history(id);
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            EntryVersion v = versions.get(i);
            String before = "";
            for (int j = i + 1; j < versions.size(); j++) {
                if (!EntryVersion.DRAFT.equals(versions.get(j).state())) {
                    before = versions.get(j).yaml();
                    break;
                }
            }
            rows.add(new HistoryRow(v.version(), messages.get("admin.topic.state." + v.state()), v.author(), v.reviewer(),
                    messages.get("admin.topic.origin." + v.origin()), text.formats().dateTime(v.createdAt()),
                    v.publishedAt() == null ? "" : text.formats().dateTime(v.publishedAt()),
                    LineDiff.of(before, v.yaml()), !EntryVersion.DRAFT.equals(v.state()) && !EntryVersion.PUBLISHED.equals(v.state())));
        }
        return rows;
    }

    static String link(String question) {
        return "/quan-tri/noi-dung/chu-de-moi?hoi=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
    }
}
