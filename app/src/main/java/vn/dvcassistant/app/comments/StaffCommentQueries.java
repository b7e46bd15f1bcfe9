package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The comment list staff work from: open comments first, nearest deadline first. Read-only; every
 * change goes through the comment service so statuses, deadlines and the outbox stay consistent.
 */
@Singleton
public class StaffCommentQueries {

    private static final String LIST = """
            SELECT code, field, agency, status, text, received_at, answer_due, answer, publish_due, kind
            FROM citizen_comment
            WHERE (CAST(? AS VARCHAR) IS NULL OR agency = ?)
            ORDER BY CASE WHEN %s THEN 0 ELSE 1 END,
                     answer_due, received_at DESC
            LIMIT ?""".formatted(CommentRules.OPEN_SQL);

    private final TransactionOperations<Connection> transactions;
    private final ProvinceClock settings;

    public StaffCommentQueries(TransactionOperations<Connection> transactions, ProvinceClock settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    public List<StaffComment> list(@Nullable String agency, int limit) {
        LocalDate today = settings.today();
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(LIST)) {
                query.setString(1, agency);
                query.setString(2, agency);
                query.setInt(3, limit);
                List<StaffComment> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(4);
                        CommentStatus commentStatus = CommentStatus.fromCode(state).orElseThrow();
                        LocalDate answerDue = rs.getObject(7, LocalDate.class);
                        LocalDate publishDue = rs.getObject(9, LocalDate.class);
                        LocalDate current = CommentRules.currentDeadline(commentStatus, answerDue, publishDue);
                        result.add(new StaffComment(rs.getString(1), rs.getString(2), rs.getString(3), state,
                                rs.getString(5), rs.getTimestamp(6).toInstant(),
                                current != null ? current : answerDue, rs.getString(8),
                                CommentRules.isOverdue(commentStatus, answerDue, publishDue, today),
                                rs.getString(10)));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Staff comment list query failed", e);
            }
        });
    }
}
