package cn.vanguard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.Role;
import cn.vanguard.security.internal.PasswordSignIn.TooManyAttempts;
import cn.vanguard.testing.Fixtures;

/**
 * Lock-out under concurrency, on the real database: parallel guesses never get more password checks than the limit
 * (BCrypt calls are counted by a wrapping encoder), a right password while locked neither signs in nor resets the count,
 * and a client address is limited across accounts. The sign-in and its throttle are built here with the application's
 * database and a clock of the test's own, so that the lock's expiry can be reached without waiting.
 * Runs on H2 (one connection: the statements queue) and on PostgreSQL (a pool: they race for the row).
 */
abstract class LoginThrottleContract {

    private static final int THREADS = 16;

    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditLog audit;

    private final AtomicInteger checks = new AtomicInteger();
    private PasswordEncoder counting;
    private Fixtures.Account account;

    @BeforeEach
    void account() {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        account = fixtures.account(Role.SCORER, tree.branch().id());
        PasswordEncoder real = fixtures.passwords();
        counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return real.matches(raw, encoded);
            }
        };
    }

    /** The sign-in as the application builds it (5 per account, 15 minutes; 20 per address), with the clock given. */
    private PasswordSignIn signIn(Clock clock) {
        return new PasswordSignIn(fixtures.jdbc(), new LoginThrottle(fixtures.jdbc(), audit, clock, 5, 15, 20, 15), counting);
    }

    private static Authentication attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    /** A fresh address of the test network, so that tests never share an address's count. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() & 0x3fffff));

    /** Runs the attempts on parallel threads, released together; the outcome of each: "ok" or the exception's class. */
    private static List<String> burst(List<Callable<Authentication>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (Callable<Authentication> attempt : attempts) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        attempt.call();
                        return "ok";
                    } catch (AuthenticationException e) {
                        return e.getClass().getSimpleName();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record State(int failures, OffsetDateTime lockedUntil) {
    }

    private State state() {
        return fixtures.jdbc().sql("select failed_logins, locked_until from account where id = :id").param("id", account.id())
                .query((rs, n) -> new State(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).single();
    }

    @Test
    void aHundredParallelWrongPasswordsGetFiveChecksAndTheRightOneIsThenRefusedUncounted() throws Exception {
        PasswordSignIn signIn = signIn(Clock.systemUTC());
        List<Callable<Authentication>> guesses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String from = address();
            String guess = "Wrong" + i + "pass";
            guesses.add(() -> signIn.authenticate(attempt(account.username(), guess, from)));
        }
        List<String> outcomes = burst(guesses);

        assertThat(checks.get()).as("passwords checked").isEqualTo(5);
        assertThat(outcomes).filteredOn("BadCredentialsException"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("LockedException"::equals).hasSize(95);
        State locked = state();
        assertThat(locked.lockedUntil()).isAfter(OffsetDateTime.now());

        List<Callable<Authentication>> rightOnes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String from = address();
            rightOnes.add(() -> signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, from)));
        }
        assertThat(burst(rightOnes)).as("the right password inside a burst, while locked").containsOnly("LockedException");
        assertThatThrownBy(() -> signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, address())))
                .isInstanceOf(LockedException.class);
        assertThat(checks.get()).as("no password is checked while locked").isEqualTo(5);
        assertThat(state()).as("nor is the count or the lock touched").isEqualTo(locked);
    }

    @Test
    void theRightPasswordSignsInOnceTheLockHasExpiredAndStartsTheCountAgain() throws Exception {
        PasswordSignIn now = signIn(Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            String guess = "Wrong" + i + "pass";
            assertThatThrownBy(() -> now.authenticate(attempt(account.username(), guess, address()))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> now.authenticate(attempt(account.username(), Fixtures.PASSWORD, address()))).isInstanceOf(LockedException.class);

        PasswordSignIn later = signIn(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));
        Authentication signedIn = later.authenticate(attempt(account.username(), Fixtures.PASSWORD, address()));
        assertThat(((AccountPrincipal) signedIn.getPrincipal()).accountId()).isEqualTo(account.id());
        assertThat(state()).isEqualTo(new State(0, null));
    }

    @Test
    void theFifthCheckLocksWhenReservedAndARightFifthPasswordStillSignsIn() {
        PasswordSignIn signIn = signIn(Clock.systemUTC());
        for (int i = 0; i < 4; i++) {
            String guess = "Wrong" + i + "pass";
            assertThatThrownBy(() -> signIn.authenticate(attempt(account.username(), guess, address()))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(state().failures()).isEqualTo(4);
        assertThat(signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, address())).isAuthenticated()).isTrue();
        assertThat(state()).isEqualTo(new State(0, null));
    }

    @Test
    void anAddressIsLimitedAcrossAccountsAndUnknownNamesButNotForRightPasswords() throws Exception {
        PasswordSignIn signIn = signIn(Clock.systemUTC());
        String from = address();
        for (int i = 0; i < 25; i++) {
            assertThat(signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, from)).isAuthenticated())
                    .as("successes give their reservation back").isTrue();
        }
        List<Callable<Authentication>> spray = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = Fixtures.unique("nobody");
            spray.add(() -> signIn.authenticate(attempt(name, "Guess2026x", from)));
        }
        checks.set(0);
        List<String> outcomes = burst(spray);
        assertThat(checks.get()).as("passwords checked for one address").isEqualTo(20);
        assertThat(outcomes).filteredOn("TooManyAttempts"::equals).hasSize(40);

        assertThatThrownBy(() -> signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, from))).isInstanceOf(TooManyAttempts.class);
        assertThat(checks.get()).as("not even a right password is checked from that address").isEqualTo(20);
        assertThat(signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, address())).isAuthenticated())
                .as("another address is not limited").isTrue();

        PasswordSignIn later = signIn(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));
        assertThat(later.authenticate(attempt(account.username(), Fixtures.PASSWORD, from)).isAuthenticated())
                .as("the next window opens the address again").isTrue();
    }

    @Test
    void closedWindowsArePurgedSoTheTableHoldsOnlyActiveAddresses() {
        String from = address();
        PasswordSignIn signIn = signIn(Clock.systemUTC());
        assertThatThrownBy(() -> signIn.authenticate(attempt(Fixtures.unique("nobody"), "Guess2026x", from)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(rows(from)).isEqualTo(1);
        new LoginThrottle(fixtures.jdbc(), audit, Clock.systemUTC(), 5, 15, 20, 15).purge();
        assertThat(rows(from)).as("its window is still open").isEqualTo(1);
        new LoginThrottle(fixtures.jdbc(), audit, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)), 5, 15, 20, 15).purge();
        assertThat(rows(from)).isZero();
    }

    private int rows(String address) {
        return fixtures.jdbc().sql("select count(*) from login_address where address = :a").param("a", address).query(Integer.class).single();
    }

    @Test
    void anIpv6AddressCountsByItsNetwork() {
        assertThat(LoginThrottle.key("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.key("2001:db8:1:2:bbbb::7")).endsWith("/64");
        assertThat(LoginThrottle.key("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.key("2001:db8:1:2::1"));
        assertThat(LoginThrottle.key("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginThrottle.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginThrottle.key("evil.example")).isEqualTo("unknown");
        assertThat(LoginThrottle.key("300.1.1.1")).isEqualTo("unknown");
        assertThat(LoginThrottle.key(null)).isEqualTo("unknown");
    }
    @Test
    void wrongPasswordsAreAuditedWithTheirCountAndTheLockWithItsLength() {
        PasswordSignIn signIn = signIn(Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            String guess = "Wrong" + i + "pass";
            assertThatThrownBy(() -> signIn.authenticate(attempt(account.username(), guess, address()))).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(audited(account.id())).containsExactly("LOGIN_FAILED 密码错误（第1次）", "LOGIN_FAILED 密码错误（第2次）",
                "LOGIN_FAILED 密码错误（第3次）", "LOGIN_FAILED 密码错误（第4次）", "ACCOUNT_LOCKED 连续5次密码错误，账号锁定15分钟");
    }

    @Test
    void aRightPasswordIsAuditedAsASignInUnlessTheAccountIsDisabled() {
        PasswordSignIn signIn = signIn(Clock.systemUTC());
        signIn.authenticate(attempt(account.username(), Fixtures.PASSWORD, address()));
        assertThat(audited(account.id())).containsExactly("LOGIN " + account.username() + " 登录");
        assertThat(lastLogin(account.id())).isNotNull();

        Fixtures.Account disabled = fixtures.account((Long) null);
        fixtures.jdbc().sql("update account set enabled = false, failed_logins = 2 where id = :id").param("id", disabled.id()).update();
        assertThatThrownBy(() -> signIn.authenticate(attempt(disabled.username(), Fixtures.PASSWORD, address())))
                .isInstanceOf(DisabledException.class);
        assertThat(audited(disabled.id())).as("a disabled account has not signed in").isEmpty();
        assertThat(lastLogin(disabled.id())).isNull();
        assertThat(fixtures.jdbc().sql("select failed_logins from account where id = :id").param("id", disabled.id())
                .query(Integer.class).single()).as("its right password still starts the count again").isZero();
    }

    @Test
    void anUnknownNameIsAuditedCutToTheColumnAndAnAddressOnceWhenItReachesItsLimit() {
        String from = address();
        PasswordSignIn signIn = new PasswordSignIn(fixtures.jdbc(), new LoginThrottle(fixtures.jdbc(), audit, Clock.systemUTC(), 5, 15, 3, 15),
                counting);
        String longName = Fixtures.unique("n") + "x".repeat(60);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt(longName, "Guess2026x", from))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(attempt(longName, "Guess2026x", from))).isInstanceOf(TooManyAttempts.class);

        assertThat(fixtures.jdbc().sql("select username from audit_log where action = 'LOGIN_FAILED' and summary = '登录失败：用户名不存在' "
                + "and username = :u").param("u", longName.substring(0, 50)).query(String.class).list()).hasSize(3);
        assertThat(fixtures.jdbc().sql("select summary from audit_log where action = 'LOGIN_ADDRESS_LIMITED' and summary like :s")
                .param("s", "来自 " + from + " %").query(String.class).list())
                .containsExactly("来自 " + from + " 的登录失败达到3次，该地址暂停登录15分钟");
    }

    @Test
    void aSignInWithoutNameOrPasswordOrAddressIsRefusedLikeAWrongOne() {
        PasswordSignIn signIn = signIn(Clock.systemUTC());

        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(null, null)))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(account.username(), null)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(" " + account.username() + " ",
                Fixtures.PASSWORD)).isAuthenticated()).as("the name is read without surrounding spaces").isTrue();
        assertThat(signIn.supports(UsernamePasswordAuthenticationToken.class)).isTrue();
        assertThat(signIn.supports(Authentication.class)).isFalse();
    }

    private List<String> audited(long accountId) {
        return fixtures.jdbc().sql("select action, summary from audit_log where object_type = 'account' and object_id = :id "
                        + "and action in ('LOGIN', 'LOGIN_FAILED', 'ACCOUNT_LOCKED') order by id")
                .param("id", Long.toString(accountId)).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private OffsetDateTime lastLogin(long accountId) {
        return fixtures.jdbc().sql("select last_login_at from account where id = :id").param("id", accountId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
    }
}
