package org.draftroom.base;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by an unreachable database (stopped, restarting, in crash recovery, no connection within
 * the pool's timeout) from any other failure, so callers can answer "try again shortly" (HTTP 503) instead of
 * reporting an error.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the database cannot be reached right now. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // the rollback after a lost connection fails too; what counts is why the transaction failed
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && causedBy(tse.getApplicationException())) {
                return true;
            }
            // the pool closed a connection it saw broken, and a later call on it (a rollback) failed
            if (t instanceof SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
            // 08: connection exception; 57P01..57P03: admin/crash shutdown, cannot connect now (recovery)
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Writes the API's answer for an unreachable database: 503 with a JSON message and {@code Retry-After}. */
    public static void writeTo(jakarta.servlet.http.HttpServletResponse response, String message)
            throws java.io.IOException {
        response.setHeader("Retry-After", "5");
        new ApiError(503, "database_unavailable", message).writeTo(response);
    }
}
