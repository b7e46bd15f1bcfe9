package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Campaigns as JSON for staff: compose, approve (another staff member), follow the results. */
@Controller("/api/v1/admin/campaigns")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class CampaignController {

    @Serdeable
    record Created(String id, String status) {
    }

    @Serdeable
    record View(String id, String status, String text, @Nullable String topicId, CampaignRequest.Audience audience,
                @Nullable Instant sendAt, String createdBy, @Nullable String approvedBy, @Nullable Instant startedAt,
                @Nullable Instant finishedAt, int targeted, int sent, int failed, int blocked, int skipped,
                int pending, CampaignResults.Figures results, List<CampaignAuditLine> audit) {
    }

    private final CampaignService campaigns;
    private final CampaignResults results;

    CampaignController(CampaignService campaigns, CampaignResults results) {
        this.campaigns = campaigns;
        this.results = results;
    }

    @Post
    HttpResponse<Created> create(Authentication authentication, @Body CampaignRequest request) {
        Campaign campaign = campaigns.create(StaffMember.of(authentication), request);
        return HttpResponse.created(new Created(campaign.id().toString(), campaign.status()));
    }

    @Post("/{id}/approve")
    View approve(Authentication authentication, @PathVariable UUID id) {
        return view(campaigns.approve(StaffMember.of(authentication), id));
    }

    @Get("/{id}")
    View get(@PathVariable UUID id) {
        return view(campaigns.find(id));
    }

    @Get
    List<View> latest() {
        return campaigns.latest(50).stream().map(this::view).toList();
    }

    private View view(Campaign c) {
        CampaignResults.Figures f = results.of(c);
        return new View(c.id().toString(), c.status(), c.text(), c.topicId(),
                new CampaignRequest.Audience(c.fields(), c.communes(), c.channels()), c.sendAt(), c.createdBy(),
                c.approvedBy(), c.startedAt(), c.finishedAt(), c.targeted(), f.sent(), f.failed(), f.blocked(),
                f.skipped(), f.pending(), f, campaigns.audit(c.id()));
    }
}
