package cn.vanguard;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot be reached right now (restarting, down, the network, no connection
 * free within the pool's timeout): the pages and the API answer it with 503 and a Chinese message instead of a 500,
 * and the connection pool reconnects by itself once the database is back. Decided by the cause, not by the wrapper,
 * because the same outage reaches the application in many wrappings (opening a transaction, a query, a session read in
 * a filter, a sign-in, a commit or rollback on a connection that broke).
 */
public final class DatabaseUnavailable {

    /** SQLSTATE: the server was shut down or is starting (57P01–57P03); class 08 are connection errors. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 30;

    public static final String TITLE = "服务暂时不可用";
    /** The {@code Retry-After} of the 503: a database restart takes seconds. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    public static boolean causedIt(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // a commit or rollback JDBC could not carry out: the connection broke under it (the pool reports a closed
            // connection without an SQLSTATE); a rollback failing after an outage hides the outage as its application exception
            if (t instanceof TransactionSystemException tx
                    && (t.getCause() instanceof SQLException || causedIt(tx.getApplicationException()))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
