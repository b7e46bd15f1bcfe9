package vn.dvcassistant.app.satisfaction;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.ApiException;
import vn.dvcassistant.app.conversation.PersonalDataMasker;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Checks and stores one satisfaction rating. The field is taken from the topic, never from the
 * client, so the 85% / 90% split cannot be gamed by a form.
 */
@Singleton
public final class SatisfactionRecorder {

    static final int MAX_COMMENT = 2000;

    private static final String INSERT = "INSERT INTO satisfaction_rating "
            + "(topic_id, field, agency, channel, level, satisfied, comment, rated_on, rated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private final KnowledgeBase knowledgeBase;
    private final AgencyDirectory agencies;
    private final FeedbackSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Messages messages;
    private final Clock clock;

    public SatisfactionRecorder(KnowledgeBase knowledgeBase, AgencyDirectory agencies, FeedbackSettings settings,
                                TransactionOperations<Connection> transactions, Messages messages) {
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.settings = settings;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = Clock.systemUTC();
    }

    /** Validates and stores; throws {@link ApiException} 400 naming the first wrong value. */
    public RecordedSatisfaction record(SatisfactionSubmission submission) {
        Topic topic = knowledgeBase.topic(blankToNull(submission.topicId()))
                .orElseThrow(() -> badRequest("unknown_topic"));
        SatisfactionLevel level = SatisfactionLevel.fromCode(submission.level())
                .orElseThrow(() -> badRequest("unknown_level"));
        RatingChannel channel = RatingChannel.fromCode(submission.channel())
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
        long id = insert(topic, level, agencyCode == null ? "" : agencyCode, channel,
                comment == null ? null : PersonalDataMasker.mask(comment.strip()));
        return new RecordedSatisfaction(id, topic.id(), topic.field().code(), level.code(), level.satisfied(),
                messages.get("satisfaction.thanks"));
    }

    private long insert(Topic topic, SatisfactionLevel level, String agency, RatingChannel channel, String comment) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, settings.zone());
        Field field = topic.field();
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(INSERT)) {
                insert.setString(1, topic.id());
                insert.setString(2, field.code());
                insert.setString(3, agency);
                insert.setString(4, channel.code());
                insert.setString(5, level.code());
                insert.setBoolean(6, level.satisfied());
                insert.setString(7, comment);
                insert.setObject(8, day);
                insert.setTimestamp(9, Timestamp.from(now));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store a satisfaction rating", e);
            }
        });
    }

    private static ApiException badRequest(String code) {
        return new ApiException(HttpStatus.BAD_REQUEST, code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
