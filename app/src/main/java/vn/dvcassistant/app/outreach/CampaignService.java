package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Composing and approving campaigns: who may do what, and the checks on what they wrote. Sending is
 * {@link CampaignSending}'s job.
 */
@Singleton
public class CampaignService {

    private static final Set<String> CHANNELS = Set.of("telegram", "zalo");

    private final CampaignStore store;
    private final CampaignText text;
    private final Communes communes;
    private final KnowledgeBase knowledgeBase;
    private final OutreachSettings settings;
    private final ProvinceClock clock;

    CampaignService(CampaignStore store, CampaignText text, Communes communes, KnowledgeBase knowledgeBase,
                    OutreachSettings settings, ProvinceClock clock) {
        this.store = store;
        this.text = text;
        this.communes = communes;
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
        this.clock = clock;
    }

    public Campaign create(StaffMember author, CampaignRequest request) {
        if (!author.isAdmin() && !author.isEditor()) {
            throw Refusal.forbidden("forbidden");
        }
        CampaignRequest.Audience audience = request.audience() == null
                ? new CampaignRequest.Audience(null, null, null) : request.audience();
        List<String> channels = codes(audience.channels(), code -> CHANNELS.contains(code), "campaign_channel");
        List<String> fields = codes(audience.fields(), code -> Field.fromCode(code).isPresent(), "campaign_field");
        List<String> communeCodes = audience.communes().stream().map(code -> communes.find(code == null ? "" : code)
                .orElseThrow(() -> Refusal.invalid("campaign_commune")).code()).distinct().toList();
        if (fields.isEmpty() && communeCodes.isEmpty() && !author.isAdmin()) {
            throw Refusal.forbidden("campaign_everyone_admin_only");
        }
        String topicId = request.topicId() == null || request.topicId().isBlank() ? null : request.topicId().strip();
        if (topicId != null && knowledgeBase.topic(topicId).isEmpty()) {
            throw Refusal.invalid("unknown_topic");
        }
        boolean toZalo = channels.isEmpty() || channels.contains("zalo");
        String checked = text.check(request.text(), toZalo);
        Instant now = Instant.now();
        Instant sendAt = sendAt(request.sendAt(), now);
        Campaign campaign = new Campaign(UUID.randomUUID(), checked, topicId, fields, communeCodes, channels, sendAt,
                Campaign.AWAITING_APPROVAL, author.username(), now, null, null, null, null, 0);
        store.insert(campaign);
        return campaign;
    }

    /** A second staff member approves; an admin for a campaign to every subscriber. */
    public Campaign approve(StaffMember approver, UUID id) {
        Campaign campaign = find(id);
        if (!approver.isAdmin() && !approver.isEditor()) {
            throw Refusal.forbidden("forbidden");
        }
        if (campaign.createdBy().equals(approver.username())) {
            throw Refusal.forbidden("campaign_own_approval");
        }
        if (campaign.toEveryone() && !approver.isAdmin()) {
            throw Refusal.forbidden("campaign_everyone_admin_only");
        }
        if (!Campaign.AWAITING_APPROVAL.equals(campaign.status())) {
            throw Refusal.conflict("campaign_not_awaiting_approval");
        }
        Instant now = Instant.now();
        ZoneId zone = clock.zone();
        LocalDate day = LocalDate.ofInstant(campaign.sendAt() == null ? now : campaign.sendAt(), zone);
        if (store.approvedForDay(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant())
                >= settings.maxPerDay()) {
            throw Refusal.conflict("campaign_daily_cap");
        }
        if (!store.approve(id, approver.username(), now)) {
            throw Refusal.conflict("campaign_not_awaiting_approval");
        }
        return find(id);
    }

    public Campaign find(UUID id) {
        return store.find(id).orElseThrow(() -> Refusal.notFound("campaign_not_found"));
    }

    public List<Campaign> latest(int limit) {
        return store.latest(limit);
    }

    /** The communes a campaign may target (the agency directory's commune People's Committees). */
    public List<vn.dvcassistant.app.province.Agency> communes() {
        return communes.all();
    }

    public List<CampaignAuditLine> audit(UUID id) {
        return store.audit(id);
    }

    private static List<String> codes(List<String> given, java.util.function.Predicate<String> known, String code) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : given) {
            String normal = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (!known.test(normal)) {
                throw Refusal.invalid(code);
            }
            out.add(normal);
        }
        return List.copyOf(out);
    }

    private static @Nullable Instant sendAt(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = Instant.parse(value.strip());
            } catch (DateTimeParseException again) {
                throw Refusal.invalid("campaign_send_at");
            }
        }
        if (at.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw Refusal.invalid("campaign_send_at");
        }
        return at;
    }
}
