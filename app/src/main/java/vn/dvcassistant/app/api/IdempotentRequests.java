package vn.dvcassistant.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for requests that store something (a rating, a comment): the first request with a
 * key claims it in PostgreSQL before doing anything and keeps its answer; a retry with the same key gets
 * that answer back (same status and body) without storing twice, and a retry while the first is still being
 * handled gets 409 {@code request_in_progress} with Retry-After. A refused request (4xx, 5xx) frees its key,
 * so the corrected or later retry is handled anew. Keys are kept 24 hours.
 *
 * <p>A claim left by a crashed instance is taken over after two minutes.
 */
@Singleton
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");
    private static final int IN_PROGRESS = 0;

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    IdempotentRequests(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * @param scope  what is being stored ("satisfaction", "comment"): the same key may be used for both
     * @param key    the client's Idempotency-Key, or null to handle the request as usual
     * @param action handles the request; runs at most once per key while its answer is kept
     */
    public HttpResponse<?> once(String scope, @Nullable String key, Supplier<? extends MutableHttpResponse<?>> action) {
        return once(scope, key, action, false);
    }

    /**
     * As {@link #once}, for an action that stores its record in the caller's transaction (a comment): the record
     * and the kept answer commit together, so an instance killed between the two leaves neither, and the retry
     * that takes the key over stores the record once. Not for an action whose writes wait on another
     * transaction (the group-committed ratings): holding a connection while waiting for another could empty the
     * pool.
     */
    public HttpResponse<?> onceWithRecord(String scope, @Nullable String key,
                                          Supplier<? extends MutableHttpResponse<?>> action) {
        return once(scope, key, action, true);
    }

    private HttpResponse<?> once(String scope, @Nullable String key, Supplier<? extends MutableHttpResponse<?>> action,
                                 boolean oneTransaction) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFieldException("invalid_idempotency_key", HEADER);
        }
        if (!claim(scope, key)) {
            Stored stored = stored(scope, key);
            if (stored == null || stored.status() == IN_PROGRESS) {
                if (stored == null || !takeOverAbandoned(scope, key)) {
                    throw new RetryLaterException("request_in_progress", 2);
                }
            } else {
                return HttpResponse.status(HttpStatus.valueOf(stored.status()))
                        .contentType(MediaType.APPLICATION_JSON_TYPE).body(stored.body());
            }
        }
        MutableHttpResponse<?> response;
        try {
            response = oneTransaction ? transactions.executeWrite(status -> keptIfStored(scope, key, action.get()))
                    : action.get();
        } catch (RuntimeException e) {
            release(scope, key);
            throw e;
        }
        if (response.getStatus().getCode() >= 400) {
            release(scope, key);
            return response;
        }
        if (!oneTransaction) {
            // The record is committed: if keeping its answer fails, the key stays claimed rather than freed.
            keep(scope, key, response);
        }
        return response;
    }

    private MutableHttpResponse<?> keptIfStored(String scope, String key, MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() < 400) {
            keep(scope, key, response);
        }
        return response;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forgetOldKeys() {
        update("DELETE FROM idempotent_request WHERE created_at < now() - interval '24 hours'");
    }

    private record Stored(int status, String body) {
    }

    private boolean claim(String scope, String key) {
        return update("INSERT INTO idempotent_request (scope, key, status) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
                scope, key) == 1;
    }

    private boolean takeOverAbandoned(String scope, String key) {
        return update("UPDATE idempotent_request SET created_at = now() WHERE scope = ? AND key = ? AND status = 0 "
                + "AND created_at < now() - interval '2 minutes'", scope, key) == 1;
    }

    private void release(String scope, String key) {
        update("DELETE FROM idempotent_request WHERE scope = ? AND key = ? AND status = 0", scope, key);
    }

    private void keep(String scope, String key, MutableHttpResponse<?> response) {
        String body;
        try {
            body = response.getBody().isPresent() ? json.writeValueAsString(response.getBody().get()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        update("UPDATE idempotent_request SET status = ?, body = ? WHERE scope = ? AND key = ?",
                response.getStatus().getCode(), body, scope, key);
    }

    private @Nullable Stored stored(String scope, String key) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT status, body FROM idempotent_request WHERE scope = ? AND key = ?")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Stored(row.getInt(1), row.getString(2)) : null;
                }
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("idempotent_request: " + e.getSQLState(), e);
            }
        });
    }
}
