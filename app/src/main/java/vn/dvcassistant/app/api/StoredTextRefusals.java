package vn.dvcassistant.app.api;

import io.micronaut.core.annotation.Nullable;

import java.sql.SQLException;

/**
 * PostgreSQL's refusals that are about the value sent, not about the server: too long for its column
 * (SQLSTATE 22001), or characters text cannot hold (22021, 22P05). The last line of defence behind the
 * request checks, so that a field nobody thought to limit is a 400, not a 500.
 */
final class StoredTextRefusals {

    private StoredTextRefusals() {
    }

    static @Nullable String code(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "22001":
                        return "field_too_long";
                    case "22021", "22P05":
                        return "control_characters";
                    default:
                        break;
                }
            }
        }
        return null;
    }
}
