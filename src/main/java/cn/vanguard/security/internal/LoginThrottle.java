package cn.vanguard.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.vanguard.audit.AuditLog;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Decides whether a password may be checked at all, before it is: one atomic statement per account and one per client
 * address reserves a check, so parallel guesses cannot outrun the count.
 * <ul>
 * <li>Per account: {@code vanguard.login.max-failures} checks without a success lock the account for
 * {@code vanguard.login.lock-minutes}. The check that reaches the limit locks it when it is reserved (its own password is
 * still checked, and a success unlocks); while locked no password is checked, so a right one neither signs in nor resets
 * the count.</li>
 * <li>Per client address (an IPv6 address by its /64 network): {@code vanguard.login.address-max-failures} failed checks
 * in a fixed window of {@code vanguard.login.address-window-minutes}, across all accounts and unknown names. A success
 * gives its reservation back, so an office behind one address signing in every morning is never limited. The table
 * lives in the database (every node counts together) and holds only addresses active in the current window.</li>
 * </ul>
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private final int addressMaxFailures;
    private final Duration addressWindow;

    LoginThrottle(JdbcClient jdbc, AuditLog audit, Clock clock, @Value("${vanguard.login.max-failures:5}") int maxFailures,
                  @Value("${vanguard.login.lock-minutes:15}") int lockMinutes,
                  @Value("${vanguard.login.address-max-failures:20}") int addressMaxFailures,
                  @Value("${vanguard.login.address-window-minutes:15}") int addressWindowMinutes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.addressMaxFailures = addressMaxFailures;
        this.addressWindow = Duration.ofMinutes(addressWindowMinutes);
    }

    /** Reserves one password check for the account; false while it is locked or its checks are all taken. */
    public boolean admitAccount(long accountId) {
        OffsetDateTime now = now();
        // an expired lock starts the count again; the reservation that reaches the limit sets the lock itself, so an
        // account never stays at the limit unlocked even if that check never finishes
        return jdbc.sql("""
                update account set
                    failed_logins = case when locked_until is not null then 1 else failed_logins + 1 end,
                    locked_until = case when (case when locked_until is not null then 1 else failed_logins + 1 end) >= :max
                                        then :until else null end
                where id = :id and (locked_until <= :now or (locked_until is null and failed_logins < :max))""")
                .param("max", maxFailures).param("until", now.plus(lock)).param("now", now).param("id", accountId)
                .update() == 1;
    }

    /** Reserves one password check for the client address; false when its failures in the window reached the limit. */
    public boolean admitAddress(String remoteAddress) {
        String address = key(remoteAddress);
        if (reserveAddress(address)) {
            return true;
        }
        try {
            jdbc.sql("insert into login_address (address, attempts, window_start) values (:a, 1, :now)")
                    .param("a", address).param("now", now()).update();
            return true;
        } catch (DuplicateKeyException e) {
            // another node or thread inserted the row first: reserve in it
            return reserveAddress(address);
        }
    }

    private boolean reserveAddress(String address) {
        OffsetDateTime now = now();
        OffsetDateTime windowOpen = now.minus(addressWindow);
        boolean admitted = jdbc.sql("""
                update login_address set
                    attempts = case when window_start <= :open then 1 else attempts + 1 end,
                    window_start = case when window_start <= :open then :now else window_start end
                where address = :a and (window_start <= :open or attempts < :max)""")
                .param("open", windowOpen).param("now", now).param("a", address).param("max", addressMaxFailures).update() == 1;
        if (admitted && jdbc.sql("select attempts from login_address where address = :a").param("a", address)
                .query(Integer.class).optional().orElse(0) == addressMaxFailures) {
            audit.record(AuditLog.Actor.SYSTEM, "LOGIN_ADDRESS_LIMITED", "login_address", null, null,
                    "来自 " + address + " 的登录失败达到" + addressMaxFailures + "次，该地址暂停登录" + addressWindow.toMinutes() + "分钟",
                    null, Map.of("address", address));
        }
        return admitted;
    }

    /** A wrong password for an existing account: the reservation stays counted; the lock, if this set it, is audited. */
    void failed(long accountId, String username) {
        failed(accountId, username, "密码错误");
    }

    /**
     * A wrong, expired or used activation code for an existing account: counted with the wrong passwords (the same
     * reservation, the same lock), and audited as what it was.
     */
    public void failedActivation(long accountId, String username) {
        failed(accountId, username, "激活码无效");
    }

    private void failed(long accountId, String username, String what) {
        record State(int failures, OffsetDateTime lockedUntil) {
        }
        State state = jdbc.sql("select failed_logins, locked_until from account where id = :id").param("id", accountId)
                .query((rs, n) -> new State(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).single();
        boolean locked = state.lockedUntil() != null && state.lockedUntil().isAfter(now());
        audit.record(new AuditLog.Actor(accountId, username), locked ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", "account", accountId, null,
                locked ? "连续" + state.failures() + "次" + what + "，账号锁定" + lock.toMinutes() + "分钟" : what + "（第" + state.failures() + "次）",
                null, locked ? Map.of("lockedUntil", state.lockedUntil()) : null);
    }

    /** A name no account has: only the address's reservation counts. */
    void unknownAccount(String username) {
        audit.record(new AuditLog.Actor(null, truncate(username)), "LOGIN_FAILED", "account", null, null, "登录失败：用户名不存在", null, null);
    }

    /** The right password: the account's count starts again and the address gets its reservation back. */
    public void succeeded(long accountId, String username, String remoteAddress, boolean signedIn) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null" + (signedIn ? ", last_login_at = :now" : "") + " where id = :id")
                .param("now", now()).param("id", accountId).update();
        jdbc.sql("update login_address set attempts = attempts - 1 where address = :a and attempts > 0").param("a", key(remoteAddress)).update();
        if (signedIn) {
            audit.record(new AuditLog.Actor(accountId, username), "LOGIN", "account", accountId, null, username + " 登录", null, null);
        }
    }

    /** Forgets addresses whose window closed, so that the table holds only the addresses active in the current one. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    @SchedulerLock(name = "purge-login-addresses", lockAtMostFor = "PT4M")
    void purge() {
        jdbc.sql("delete from login_address where window_start <= :open").param("open", now().minus(addressWindow)).update();
    }

    /** The address as counted: IPv4 as it is, IPv6 by its /64 network (what one subscriber usually holds). */
    static String key(String remoteAddress) {
        String text = remoteAddress == null ? "" : remoteAddress.strip();
        try {
            if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                byte[] bytes = new byte[4];
                String[] parts = text.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return "unknown";
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            String literal = text.replaceFirst("^\\[", "").replaceFirst("(%.*)?]?$", "");
            // only an IPv6 literal gets here (it has a colon and nothing but hex digits, colons and dots), which Java parses
            // without asking the name service
            if (literal.contains(":") && literal.matches("[0-9A-Fa-f:.]{2,45}")) {
                byte[] bytes = InetAddress.getByName(literal).getAddress();
                if (bytes.length == 4) {
                    return InetAddress.getByAddress(bytes).getHostAddress();
                }
                byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
        } catch (UnknownHostException e) {
            return "unknown";
        }
        return "unknown";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String truncate(String text) {
        return text.length() > 50 ? text.substring(0, 50) : text;
    }
}
