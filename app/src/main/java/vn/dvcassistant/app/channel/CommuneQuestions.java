package vn.dvcassistant.app.channel;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The chats asked to type their commune while rating a procedure (Telegram, Zalo): stored, so that the next message
 * is read as the commune on whichever instance receives it. An open question lasts {@link #OPEN}; past it the
 * message is a question to the assistant again.
 */
@Singleton
class CommuneQuestions {

    static final Duration OPEN = Duration.ofMinutes(15);

    record Open(SatisfactionLevel level, String topicId, AgencyKind kind) {
    }

    private final TransactionOperations<Connection> transactions;

    CommuneQuestions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void ask(Channel channel, String session, SatisfactionLevel level, String topicId, AgencyKind kind) {
        // Questions nobody answered in time are of no use: cleared as new ones come, so the table stays small.
        update("DELETE FROM rating_commune_question WHERE asked_at < now() - make_interval(secs => ?)", OPEN.toSeconds());
        update("""
                INSERT INTO rating_commune_question (session_key, level, topic_id, kind) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_key) DO UPDATE SET level = EXCLUDED.level, topic_id = EXCLUDED.topic_id,
                    kind = EXCLUDED.kind, asked_at = now()""",
                ChannelContacts.key(channel, session), level.ordinal(), topicId, kind.code());
    }

    Optional<Open> open(Channel channel, String session) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT level, topic_id, kind FROM rating_commune_question
                     WHERE session_key = ? AND asked_at > now() - make_interval(secs => ?)""")) {
                select.setString(1, ChannelContacts.key(channel, session));
                select.setLong(2, OPEN.toSeconds());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Open>empty();
                    }
                    int level = rs.getInt(1);
                    Optional<AgencyKind> kind = AgencyKind.fromCode(rs.getString(3));
                    if (level < 0 || level >= SatisfactionLevel.values().length || kind.isEmpty()) {
                        return Optional.<Open>empty();
                    }
                    return Optional.of(new Open(SatisfactionLevel.values()[level], rs.getString(2), kind.get()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void close(Channel channel, String session) {
        update("DELETE FROM rating_commune_question WHERE session_key = ?", ChannelContacts.key(channel, session));
    }

    private void update(String sql, Object... parameters) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
