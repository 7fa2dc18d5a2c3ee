package cn.vanguard;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import jakarta.servlet.ServletException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot be reached right now" (503), in the wrappings they arrive in. */
class DatabaseUnavailableTest {

    @Test
    void noConnectionWithinThePoolsTimeoutOrNoTransactionOpenedIsAnOutage() {
        SQLTransientConnectionException poolTimedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms", "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        assertThat(DatabaseUnavailable.causedIt(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimedOut))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new ServletException(new RuntimeException(poolTimedOut)))).as("however deep").isTrue();
    }

    @Test
    void aConnectionCutOrAServerShuttingDownIsAnOutage() {
        assertThat(DatabaseUnavailable.causedIt(new DataAccessResourceFailureException("I/O",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new UncategorizedSQLException("rollback", null,
                new SQLException("This connection has been closed.", "08003")))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new UncategorizedSQLException("select", "select 1",
                new SQLException("terminating connection due to immediate shutdown command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aCommitOrRollbackOnABrokenConnectionIsAnOutage() {
        // the commit failed on the cut connection, then the rollback on the connection the pool had closed meanwhile
        assertThat(DatabaseUnavailable.causedIt(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        TransactionSystemException rollback = new TransactionSystemException("rollback failed", new IllegalStateException("closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("I/O",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseUnavailable.causedIt(rollback)).as("the outage behind the rollback").isTrue();
        assertThat(DatabaseUnavailable.causedIt(new TransactionSystemException("no JDBC", new IllegalStateException("bug")))).isFalse();
    }

    @Test
    void mistakesAndBugsAreNotAnOutage() {
        assertThat(DatabaseUnavailable.causedIt(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        // Spring calls a statement too complex a resource failure too: it is a bug, not a database that is away
        assertThat(DatabaseUnavailable.causedIt(new DataAccessResourceFailureException("limit",
                new SQLException("stack depth limit exceeded", "54001")))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(null)).isFalse();
    }
}
