package vn.dvcassistant.app.database;

import java.sql.SQLException;

/**
 * A database error fit for the log. The driver's messages carry the values of the statement (a batch
 * entry is quoted whole: a citizen's comment, a tracking code) and the server's detail ("Key (code)=(...)"),
 * so only the exception types and SQLSTATEs are kept; the stack trace stays for finding the cause.
 */
public final class LoggedSqlError extends RuntimeException {

    private LoggedSqlError(String description, StackTraceElement[] stackTrace) {
        super(description, null, false, true);
        setStackTrace(stackTrace);
    }

    /** The same failure without any message text; for the log only, never thrown to a caller. */
    public static Throwable of(Throwable error) {
        return error == null ? null : new LoggedSqlError(describe(error), error.getStackTrace());
    }

    /** e.g. "BatchUpdateException sqlstate=22001 <- PSQLException sqlstate=22001". */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql) {
                out.append(" sqlstate=").append(sql.getSQLState());
                SQLException next = sql.getNextException();
                if (next != null && next != t.getCause()) {
                    out.append(" next=").append(next.getClass().getSimpleName()).append(" sqlstate=").append(next.getSQLState());
                }
            }
        }
        return out.toString();
    }
}
