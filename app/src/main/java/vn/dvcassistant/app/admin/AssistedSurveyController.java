package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.web.TopicsByField;
import vn.dvcassistant.kb.VietnameseText;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.kb.KnowledgeBase;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A community team member records the satisfaction of a resident they helped. Stored with channel
 * {@code assisted}, so statistics count these apart from what citizens gave on their own.
 */
@Controller("/quan-tri/khao-sat")
@Secured({Roles.ADMIN, Roles.VOLUNTEER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class AssistedSurveyController {

    @Serdeable
    record SurveyForm(@Nullable String topicId, @Nullable String level, @Nullable String agency,
                      @Nullable String comment) {
    }

    private final SatisfactionRecorder recorder;
    private final KnowledgeBase knowledgeBase;
    private final AgencyDirectory agencies;
    private final PageText text;

    AssistedSurveyController(SatisfactionRecorder recorder, KnowledgeBase knowledgeBase, AgencyDirectory agencies,
                             PageText text) {
        this.recorder = recorder;
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.text = text;
    }

    /**
     * The form. {@code tim} narrows the procedure list to titles containing the words typed, with or
     * without diacritics: staff pages run no script, so the search is a plain GET.
     */
    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(Authentication authentication, @Nullable @QueryValue("da-ghi") String saved,
                         @Nullable @QueryValue("tim") String search) {
        Map<String, Object> model = model(authentication, search, null);
        model.put("saved", saved != null);
        return HttpResponse.ok(new ModelAndView<>("admin/survey", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> record(Authentication authentication, @Body SurveyForm form) {
        try {
            if (form.topicId() != null && knowledgeBase.topic(form.topicId()).filter(t -> !t.isProcedure()).isPresent()) {
                throw Refusal.invalid("not_a_procedure");
            }
            recorder.record(new SatisfactionSubmission(form.topicId(), form.level(),
                    form.agency() == null || form.agency().isBlank() ? null : form.agency(),
                    Channel.ASSISTED.code(), form.comment()));
        } catch (Refusal e) {
            if (e.reason() != Refusal.Reason.INVALID) {
                throw e;
            }
            // The volunteer sees the form again with what was wrong, not an error document.
            Map<String, Object> model = model(authentication, null, text.get("error." + e.code()));
            model.put("saved", false);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/survey", model));
        }
        return HttpResponse.seeOther(URI.create("/quan-tri/khao-sat?da-ghi=1"));
    }

    private Map<String, Object> model(Authentication authentication, @Nullable String search, @Nullable String error) {
        String words = search == null ? "" : VietnameseText.fold(search).strip();
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        // Procedures only: an information topic (how to log in...) is not something a resident "did".
        List<TopicsByField.Group> groups = TopicsByField.of(knowledgeBase.topics(),
                t -> t.isProcedure() && VietnameseText.fold(t.title()).contains(words));
        model.put("groups", groups);
        model.put("found", groups.stream().mapToInt(g -> g.topics().size()).sum());
        model.put("search", search == null ? "" : search.strip());
        model.put("agencies", agencies.all());
        model.put("levels", Arrays.asList(SatisfactionLevel.values()));
        model.put("error", error);
        return model;
    }
}
