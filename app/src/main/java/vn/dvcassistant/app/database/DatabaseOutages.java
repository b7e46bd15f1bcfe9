package vn.dvcassistant.app.database;

import io.micronaut.data.connection.exceptions.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by PostgreSQL being out of reach (nothing could be stored, the same request will
 * succeed once it is back) from a failure of the request itself.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /**
     * No connection to be had, the connection lost, the server shutting down or starting up (SQLSTATE
     * classes 08 and 57P), or our own writers not taking rows. A pooled connection the server dropped
     * fails with Micronaut's {@link ConnectionException} ("connection is closed", no SQLSTATE), which
     * replaces the server's own error when the transaction is wound up.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GroupCommit.Unavailable || t instanceof ConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
