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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.outreach.Campaign;
import vn.dvcassistant.app.outreach.CampaignMessage;
import vn.dvcassistant.app.outreach.CampaignRequest;
import vn.dvcassistant.app.outreach.CampaignResults;
import vn.dvcassistant.app.outreach.CampaignService;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announcements on the staff pages: the list with each one's counts, composing (text, linked topic,
 * audience, time), the preview per channel, the second staff member's approval, and the results.
 * Script-free pages: plain forms, answered with a redirect.
 */
@Controller("/quan-tri/thong-bao")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class CampaignPageController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One campaign as the pages show it. */
    record Row(String id, String status, String text, @Nullable String topic, String audience, String sendAt,
               String createdBy, @Nullable String approvedBy, CampaignResults.Figures figures) {
    }

    private final CampaignService campaigns;
    private final CampaignResults results;
    private final CampaignMessage message;
    private final KnowledgeBase knowledgeBase;
    private final ProvinceClock clock;
    private final PageText text;
    private final Messages messages;

    CampaignPageController(CampaignService campaigns, CampaignResults results, CampaignMessage message,
                           KnowledgeBase knowledgeBase, ProvinceClock clock, PageText text, Messages messages) {
        this.campaigns = campaigns;
        this.results = results;
        this.message = message;
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
        this.text = text;
        this.messages = messages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("admin/campaigns")
    Map<String, Object> list(Authentication authentication) {
        return listModel(StaffMember.of(authentication), null, Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(Authentication authentication, @Body Map<String, Object> form) {
        StaffMember me = StaffMember.of(authentication);
        try {
            Campaign created = campaigns.create(me, new CampaignRequest(single(form, "text"), single(form, "topicId"),
                    new CampaignRequest.Audience(many(form, "fields"), many(form, "communes"), many(form, "channels")),
                    sendAt(single(form, "sendAt"))));
            return HttpResponse.seeOther(URI.create("/quan-tri/thong-bao/" + created.id()));
        } catch (Refusal refused) {
            if (refused.reason() == Refusal.Reason.NOT_FOUND) {
                throw refused;
            }
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/campaigns",
                    listModel(me, messages.get("error." + refused.code()), form)));
        }
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @View("admin/campaign")
    Map<String, Object> detail(Authentication authentication, @PathVariable UUID id) {
        return detailModel(StaffMember.of(authentication), campaigns.find(id), null);
    }

    @Post(value = "/{id}/duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> approve(Authentication authentication, @PathVariable UUID id) {
        StaffMember me = StaffMember.of(authentication);
        try {
            campaigns.approve(me, id);
            return HttpResponse.seeOther(URI.create("/quan-tri/thong-bao/" + id));
        } catch (Refusal refused) {
            if (refused.reason() == Refusal.Reason.NOT_FOUND) {
                throw refused;
            }
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/campaign",
                    detailModel(me, campaigns.find(id), messages.get("error." + refused.code()))));
        }
    }

    private Map<String, Object> listModel(StaffMember me, @Nullable String error, Map<String, Object> form) {
        Map<String, Object> model = StaffPages.model(me, text);
        model.put("rows", campaigns.latest(50).stream().map(this::row).toList());
        model.put("topics", knowledgeBase.topics().stream().sorted(Comparator.comparing(Topic::title)).toList());
        model.put("fields", Arrays.asList(Field.values()));
        model.put("communes", campaigns.communes());
        model.put("error", error);
        model.put("draft", single(form, "text") == null ? "" : single(form, "text"));
        return model;
    }

    private Map<String, Object> detailModel(StaffMember me, Campaign campaign, @Nullable String error) {
        Map<String, Object> model = StaffPages.model(me, text);
        model.put("c", row(campaign));
        model.put("preview", message.preview(campaign));
        model.put("previewTelegram", campaign.channels().isEmpty() || campaign.channels().contains("telegram"));
        model.put("previewZalo", campaign.reachesZalo());
        model.put("seeGuide", campaign.topicId() != null);
        model.put("mayApprove", Campaign.AWAITING_APPROVAL.equals(campaign.status())
                && !campaign.createdBy().equals(me.username()) && (me.isAdmin() || !campaign.toEveryone()));
        model.put("ownCampaign", campaign.createdBy().equals(me.username()));
        model.put("audit", campaigns.audit(campaign.id()).stream()
                .map(line -> new String[]{shown(line.at()), messages.get("campaign.audit." + line.action()), line.actor()})
                .toList());
        model.put("failedReasons", labelled(row(campaign).figures().failedByReason()));
        model.put("blockedReasons", labelled(row(campaign).figures().blockedByReason()));
        model.put("error", error);
        return model;
    }

    /** Reason codes as the page says them. */
    private List<Map.Entry<String, Integer>> labelled(Map<String, Integer> byReason) {
        return byReason.entrySet().stream()
                .map(e -> Map.entry(messages.get("campaign.reason." + e.getKey()), e.getValue())).toList();
    }

    private Row row(Campaign c) {
        String topic = c.topicId() == null ? null : knowledgeBase.topic(c.topicId()).map(Topic::title).orElse(c.topicId());
        List<String> audience = new ArrayList<>();
        c.fields().forEach(f -> audience.add(Field.fromCode(f).map(Field::label).orElse(f)));
        audience.addAll(c.communes());
        String who = audience.isEmpty() ? messages.get("campaign.audience.everyone") : String.join(", ", audience);
        String where = c.channels().isEmpty() ? "Telegram, Zalo" : String.join(", ", c.channels().stream()
                .map(ch -> ch.equals("zalo") ? "Zalo" : "Telegram").toList());
        return new Row(c.id().toString(), messages.get("campaign.status." + c.status()), c.text(), topic,
                who + " · " + where, c.sendAt() == null ? messages.get("campaign.sendAt.now") : shown(c.sendAt()),
                c.createdBy(), c.approvedBy(), results.of(c));
    }

    private String shown(Instant at) {
        return SHOWN.format(at.atZone(clock.zone()));
    }

    /** A datetime-local value is the province's local time. */
    private @Nullable String sendAt(@Nullable String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(clock.zone()).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("campaign_send_at");
        }
    }

    private static @Nullable String single(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> many(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).filter(v -> !v.isBlank()).toList();
        }
        return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(String.valueOf(value));
    }
}
