package vn.dvcassistant.app.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Public counts of how comment answers reached citizens per channel; no message, no recipient. */
@Controller("/api/v1/stats/comment-replies")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Statistics")
final class CommentReplyStatsController {

    /** @param from first local day of the period (ISO), null for open */
    @Serdeable
    record CommentReplyReport(@Nullable String from, @Nullable String to, List<CommentReplyFigures> byChannel) {
    }

    private static final String FIGURES = """
            SELECT channel,
                   count(*),
                   count(*) FILTER (WHERE sent_at IS NOT NULL AND coalesce(delivered_by, 'chat') = 'chat'),
                   count(*) FILTER (WHERE sent_at IS NOT NULL AND delivered_by = 'template'),
                   count(*) FILTER (WHERE sent_at IS NOT NULL AND delivered_by = 'next_message'),
                   count(*) FILTER (WHERE sent_at IS NULL AND held_since IS NOT NULL AND attempts < ?),
                   count(*) FILTER (WHERE sent_at IS NULL AND attempts >= ?),
                   count(*) FILTER (WHERE sent_at IS NULL AND held_since IS NULL AND attempts < ?)
              FROM comment_reply_outbox
             WHERE created_at >= ? AND created_at < ?
             GROUP BY channel
             ORDER BY channel
            """;

    private final TransactionOperations<Connection> transactions;
    private final ZoneId zone;

    CommentReplyStatsController(TransactionOperations<Connection> transactions, ProvinceClock settings) {
        this.transactions = transactions;
        this.zone = settings.zone();
    }

    @Get
    @Operation(summary = "How agencies' messages about comments reached citizens, per channel",
            description = "from/to: ISO dates (inclusive) of when the message was written. On Zalo a message goes "
                    + "in the chat only within the window after the citizen's last message; otherwise as a "
                    + "template message (when configured) or when the citizen writes again.")
    CommentReplyReport replies(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start != null && end != null && start.isAfter(end)) {
            throw Refusal.invalid("invalid_period");
        }
        List<CommentReplyFigures> rows = transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(FIGURES)) {
                query.setInt(1, CommentAnswerOutbox.MAX_ATTEMPTS);
                query.setInt(2, CommentAnswerOutbox.MAX_ATTEMPTS);
                query.setInt(3, CommentAnswerOutbox.MAX_ATTEMPTS);
                query.setTimestamp(4, start == null ? Timestamp.valueOf("1970-01-01 00:00:00")
                        : Timestamp.from(start.atStartOfDay(zone).toInstant()));
                query.setTimestamp(5, end == null ? Timestamp.valueOf("9999-01-01 00:00:00")
                        : Timestamp.from(end.plusDays(1).atStartOfDay(zone).toInstant()));
                List<CommentReplyFigures> figures = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        figures.add(new CommentReplyFigures(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                    }
                }
                return figures;
            } catch (SQLException e) {
                throw new IllegalStateException("Comment reply statistics query failed", e);
            }
        });
        return new CommentReplyReport(start == null ? null : start.toString(), end == null ? null : end.toString(),
                rows);
    }

    private static LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2999) {
                throw Refusal.invalid("invalid_date");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date");
        }
    }
}
