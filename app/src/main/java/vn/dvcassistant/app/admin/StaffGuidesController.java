package vn.dvcassistant.app.admin;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.app.web.TopicsByField;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.Map;

/**
 * What staff and volunteers print: the one-page guides per field, each field with "In tất cả", and (for
 * those who may issue them) the way to the survey posters. The guides themselves are public pages.
 */
@Controller("/quan-tri/huong-dan")
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF, Roles.EDITOR, Roles.VOLUNTEER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffGuidesController {

    private final KnowledgeBase knowledgeBase;
    private final PageText text;

    StaffGuidesController(KnowledgeBase knowledgeBase, PageText text) {
        this.knowledgeBase = knowledgeBase;
        this.text = text;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("admin/guides")
    Map<String, Object> page(Authentication authentication) {
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("groups", TopicsByField.of(knowledgeBase.topics(), t -> true));
        return model;
    }
}
