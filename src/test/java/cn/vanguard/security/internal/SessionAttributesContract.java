package cn.vanguard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests of one browser that run at once both read the session before either saved it, and both add the same
 * new attribute. The second save must win quietly (an upsert), not fail with a duplicate key: that failure answered a
 * 500 to parallel requests of one signed-in browser on PostgreSQL. Played deterministically with two loaded copies of
 * one session, against the session tables of the real database.
 */
abstract class SessionAttributesContract {

    @Autowired
    DataSource dataSource;

    private SessionRepository<Session> sessions;

    @BeforeEach
    void repository() {
        JdbcIndexedSessionRepository repository = plainRepository();
        new SessionAttributeUpsert(dataSource).customize(repository);
        sessions = asSessions(repository);
    }

    private JdbcIndexedSessionRepository plainRepository() {
        return new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    }

    @SuppressWarnings("unchecked")
    private static SessionRepository<Session> asSessions(JdbcIndexedSessionRepository repository) {
        return (SessionRepository<Session>) (SessionRepository<?>) repository;
    }

    @Test
    void twoRequestsAddingTheSameNewAttributeBothSucceedAndTheLaterValueIsKept() {
        Session created = sessions.createSession();
        created.setAttribute("first", "kept");
        sessions.save(created);

        Session one = sessions.findById(created.getId());
        Session two = sessions.findById(created.getId());
        one.setAttribute("csrf", "token-of-request-one");
        sessions.save(one);
        two.setAttribute("csrf", "token-of-request-two");
        sessions.save(two);

        Session after = sessions.findById(created.getId());
        assertThat(after.<String>getAttribute("csrf")).isEqualTo("token-of-request-two");
        assertThat(after.<String>getAttribute("first")).isEqualTo("kept");
        sessions.deleteById(created.getId());
    }

    @Test
    void theUpsertIsWhatMakesTheSecondSaveSucceed() {
        SessionRepository<Session> plain = asSessions(plainRepository());
        Session created = plain.createSession();
        plain.save(created);
        Session one = plain.findById(created.getId());
        Session two = plain.findById(created.getId());
        one.setAttribute("csrf", "a");
        plain.save(one);
        two.setAttribute("csrf", "b");

        Throwable failure = null;
        try {
            plain.save(two);
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("Spring Session's plain insert of an attribute another request added first")
                .isInstanceOf(DuplicateKeyException.class);
        plain.deleteById(created.getId());
    }
}
