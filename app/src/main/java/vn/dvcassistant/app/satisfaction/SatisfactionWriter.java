package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.database.GroupCommit;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores satisfaction ratings with group commit ({@link GroupCommit}): a 201 always means the rating
 * is on disk, and thousands of ratings per second cost a few hundred commits. A rating from a chat claims
 * the session's offer in the same transaction ({@link RatingOffers}), so the claim and the rating are both
 * stored or neither is.
 */
@Singleton
public final class SatisfactionWriter {

    private static final int MAX_BATCH = 500;
    private static final int WRITERS = 2;

    private static final String INSERT = "INSERT INTO satisfaction_rating "
            + "(topic_id, field, agency, channel, level, satisfied, comment, rated_on, rated_at, request_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            // A retry of a rating already stored (same Idempotency-Key) gets that rating's id, stores nothing.
            + "ON CONFLICT (request_key) WHERE request_key IS NOT NULL DO UPDATE SET request_key = EXCLUDED.request_key";

    /**
     * One rating as stored; {@code agency} is '' when not given; {@code requestKey} is the client's
     * Idempotency-Key, or null.
     */
    public record Row(String topicId, String field, String agency, String channel, String level, boolean satisfied,
                      @Nullable String comment, LocalDate ratedOn, Instant ratedAt, @Nullable String requestKey,
                      @Nullable Offer offer) {

        public Row(String topicId, String field, String agency, String channel, String level, boolean satisfied,
                   @Nullable String comment, LocalDate ratedOn, Instant ratedAt) {
            this(topicId, field, agency, channel, level, satisfied, comment, ratedOn, ratedAt, null, null);
        }
    }

    /** The chat session whose offer of the rated procedure a rating uses up. */
    public record Offer(Channel channel, String sessionId) {
    }

    /** The rating's id (0 when not stored), and whether its offer was claimed ({@code CLAIMED} without one). */
    public record Stored(long id, RatingOffers.Claim claim) {
    }

    private final RatingOffers offers;
    private final GroupCommit<Row, Stored> writes;

    public SatisfactionWriter(TransactionOperations<Connection> transactions, RatingOffers offers) {
        this.offers = offers;
        this.writes = new GroupCommit<>("satisfaction", transactions, this::writeAll, WRITERS, MAX_BATCH, 20_000);
    }

    /** Stores the rating durably (unless its offer cannot be claimed); blocks until its transaction has committed. */
    public Stored insert(Row row) {
        return writes.submit(row);
    }

    /** The offers are claimed first, in this transaction; only the ratings whose offer was claimed are stored. */
    private List<Stored> writeAll(Connection connection, List<Row> rows) throws SQLException {
        RatingOffers.Claim[] claims = new RatingOffers.Claim[rows.size()];
        List<Integer> offered = new ArrayList<>();
        List<RatingOffers.Request> requests = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            claims[i] = RatingOffers.Claim.CLAIMED;
            if (row.offer() != null) {
                offered.add(i);
                requests.add(new RatingOffers.Request(row.offer().channel(), row.offer().sessionId(), row.topicId()));
            }
        }
        if (!requests.isEmpty()) {
            List<RatingOffers.Claim> results = offers.claimAll(requests);
            for (int k = 0; k < offered.size(); k++) {
                claims[offered.get(k)] = results.get(k);
            }
        }
        List<Row> claimed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (claims[i] == RatingOffers.Claim.CLAIMED) {
                claimed.add(rows.get(i));
            }
        }
        List<Long> ids = claimed.isEmpty() ? List.of() : insertAll(connection, claimed);
        List<Stored> out = new ArrayList<>(rows.size());
        int next = 0;
        for (RatingOffers.Claim claim : claims) {
            out.add(claim == RatingOffers.Claim.CLAIMED ? new Stored(ids.get(next++), claim) : new Stored(0, claim));
        }
        return out;
    }

    private static List<Long> insertAll(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
            for (Row row : rows) {
                insert.setString(1, row.topicId());
                insert.setString(2, row.field());
                insert.setString(3, row.agency());
                insert.setString(4, row.channel());
                insert.setString(5, row.level());
                insert.setBoolean(6, row.satisfied());
                insert.setString(7, row.comment());
                insert.setObject(8, row.ratedOn());
                insert.setTimestamp(9, Timestamp.from(row.ratedAt()));
                insert.setString(10, row.requestKey());
                insert.addBatch();
            }
            insert.executeBatch();
            List<Long> ids = new ArrayList<>(rows.size());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != rows.size()) {
                throw new SQLException("expected " + rows.size() + " generated ids, got " + ids.size());
            }
            return ids;
        }
    }

    @PreDestroy
    void stop() {
        writes.stop();
    }
}
