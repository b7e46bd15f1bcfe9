package vn.dvcassistant.app.database;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secret keys the service signs with (survey links, the reader cookie), each kept as the single row of its
 * own table ({@code id SMALLINT PRIMARY KEY CHECK (id = 1), secret BYTEA NOT NULL}).
 *
 * <p>Why in the database rather than in the configuration or in memory: every instance of the service must sign
 * and check with the same key (a link printed from one instance is checked by another), and the key must survive
 * restarts (a printed poster or a reader's cookie stays valid for months). Nobody has to set it up: the first
 * instance that needs a key makes 32 random bytes and stores them.
 *
 * <p>How a race is settled: two instances starting at once may both find no key and both make one. Each inserts
 * its own with {@code ON CONFLICT (id) DO NOTHING}; the primary key lets only one row in (the second insert waits
 * for the first transaction and then does nothing), and each then reads the stored row back in a new statement and
 * uses that one, never its own (under PostgreSQL's default READ COMMITTED each statement sees what was committed
 * before it began). So whoever commits first wins and everyone, the loser included, gets its bytes.
 * Once read, a key is kept in memory for the life of this instance.
 */
@Singleton
public final class SigningKeys {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Table names are written into the SQL, so only plain lower-case names are accepted. */
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

    private final TransactionOperations<Connection> transactions;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    SigningKeys(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The key stored in {@code table}, made and stored there first if there is none yet. */
    public byte[] key(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a key table: " + table);
        }
        return loaded.computeIfAbsent(table, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String table) {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, fresh);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("signing key not stored in " + table, e);
            }
            // Another instance may have made it first: everyone uses the stored one.
            try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM " + table + " WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no signing key in " + table + " after storing one");
                }
                return rs.getBytes(1);
            } catch (SQLException e) {
                throw new IllegalStateException("signing key not read from " + table, e);
            }
        });
    }
}
