package org.kpiledger.platform.web;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is away (down, restarting, paused, unreachable) rather than that the request
 * or the ledger is wrong, and the problem that says so: 503 {@code DATABASE_UNAVAILABLE}, to be retried. A client
 * that retries a write refused so is safe: the write either committed before the answer was lost, which its
 * {@code If-Match} or the ledger's own rules then refuse to repeat, or it stored nothing.
 */
public final class DatabaseUnavailable {

    /** Seconds a client waits before trying again. */
    public static final int RETRY_AFTER_SECONDS = 2;
    /** What the connection pool says of a connection the database dropped under a transaction (no SQL state). */
    private static final String CLOSED_CONNECTION = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** Whether any cause of the failure is the database being out of reach. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLTimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof java.net.ConnectException || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    : CLOSED_CONNECTION.equals(sql.getMessage()))) {
                return true;
            }
            if (cause instanceof java.io.EOFException || cause instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The answer to a request that met the database away: the problem, with when to try again. */
    public static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem());
    }

    public static ProblemDetail problem() {
        return ProblemType.DATABASE_UNAVAILABLE.problem("The ledger's database cannot be reached "
                + "right now; nothing was recorded by this request. Try again in a few seconds.", null);
    }
}
