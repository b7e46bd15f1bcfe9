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
import io.micronaut.views.View;
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

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("admin/survey")
    Map<String, Object> page(Authentication authentication, @Nullable @QueryValue("da-ghi") String saved) {
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("topics", knowledgeBase.topics());
        model.put("agencies", agencies.all());
        model.put("levels", Arrays.asList(SatisfactionLevel.values()));
        model.put("saved", saved != null);
        return model;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> record(@Body SurveyForm form) {
        recorder.record(new SatisfactionSubmission(form.topicId(), form.level(),
                form.agency() == null || form.agency().isBlank() ? null : form.agency(),
                Channel.ASSISTED.code(), form.comment()));
        return HttpResponse.seeOther(URI.create("/quan-tri/khao-sat?da-ghi=1"));
    }
}
