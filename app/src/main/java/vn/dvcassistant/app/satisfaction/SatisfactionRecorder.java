package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;

import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.channel.Channel;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.privacy.PersonalDataMasker;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks and stores one satisfaction rating. The field is taken from the topic, never from the
 * client, so the 85% / 90% split cannot be gamed by a form.
 */
@Singleton
public final class SatisfactionRecorder {

    static final int MAX_COMMENT = 2000;
    /** 409 codes of a chat rating whose offer could not be claimed. */
    public static final String ALREADY_RATED = "already_rated";
    public static final String NOT_OFFERED = "satisfaction_not_offered";

    private final KnowledgeBase knowledgeBase;
    private final AgencyDirectory agencies;
    private final ProvinceClock settings;
    private final SatisfactionWriter writer;
    private final Messages messages;
    private final Clock clock;

    public SatisfactionRecorder(KnowledgeBase knowledgeBase, AgencyDirectory agencies, ProvinceClock settings,
                                SatisfactionWriter writer, Messages messages) {
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.settings = settings;
        this.writer = writer;
        this.messages = messages;
        this.clock = Clock.systemUTC();
    }

    /** A rating whose every value was checked, ready to store. */
    public record ValidRating(Topic topic, SatisfactionLevel level, Channel channel, String agencyCode,
                              String comment) {
    }

    /** Validates and stores; throws {@link Refusal} 400 naming the first wrong value. */
    public RecordedSatisfaction record(SatisfactionSubmission submission) {
        return store(validate(submission));
    }

    /** Throws {@link Refusal} 400 naming the first wrong value. */
    public ValidRating validate(SatisfactionSubmission submission) {
        String topicId = blankToNull(submission.topicId());
        Topic topic = (topicId == null ? Optional.<Topic>empty() : knowledgeBase.topic(topicId))
                .orElseThrow(() -> badRequest("unknown_topic"));
        SatisfactionLevel level = SatisfactionLevel.fromCode(submission.level())
                .orElseThrow(() -> badRequest("unknown_level"));
        Channel channel = Channel.fromCode(submission.channel()).filter(Channel::carriesRatings)
                .orElseThrow(() -> badRequest("unknown_rating_channel"));
        String agencyCode = blankToNull(submission.agency());
        if (agencyCode != null) {
            Agency agency = agencies.find(agencyCode).orElseThrow(() -> badRequest("unknown_agency"));
            if (!agency.handles(topic.field())) {
                throw badRequest("agency_not_for_field");
            }
        }
        String comment = blankToNull(submission.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw badRequest("comment_too_long");
        }
        return new ValidRating(topic, level, channel, agencyCode == null ? "" : agencyCode,
                comment == null ? null : PersonalDataMasker.mask(comment.strip()));
    }

    public RecordedSatisfaction store(ValidRating rating) {
        return store(rating, null);
    }

    /** @param requestKey the client's Idempotency-Key: a rating stored with it is never stored again */
    public RecordedSatisfaction store(ValidRating rating, @Nullable String requestKey) {
        return store(rating, requestKey, null);
    }

    /**
     * @param offer the chat session whose offer this rating uses up, claimed in the rating's transaction; a
     *              {@link Refusal} 409 ({@link #ALREADY_RATED}, {@link #NOT_OFFERED}) when it cannot be
     */
    public RecordedSatisfaction store(ValidRating rating, @Nullable String requestKey,
                                      @Nullable SatisfactionWriter.Offer offer) {
        Topic topic = rating.topic();
        SatisfactionLevel level = rating.level();
        Instant now = clock.instant();
        SatisfactionWriter.Stored stored = writer.insert(new SatisfactionWriter.Row(topic.id(), topic.field().code(),
                rating.agencyCode(), rating.channel().code(), level.code(), level.satisfied(), rating.comment(),
                LocalDate.ofInstant(now, settings.zone()), now, requestKey, offer));
        switch (stored.claim()) {
            case ALREADY_RATED -> throw Refusal.conflict(ALREADY_RATED);
            case NOT_OFFERED -> throw Refusal.conflict(NOT_OFFERED);
            case CLAIMED -> {
                // Stored.
            }
        }
        long id = stored.id();
        return new RecordedSatisfaction(id, topic.id(), topic.field().code(), level.code(), level.satisfied(),
                messages.get("satisfaction.thanks"));
    }

    private static Refusal badRequest(String code) {
        return Refusal.invalid(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
