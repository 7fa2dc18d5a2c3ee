package cn.vanguard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.Text;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.internal.AccountPrincipal;

/**
 * Tokens for integrations calling the REST API ({@code Authorization: Bearer vgd_…}). A token acts as the account that
 * created it, with that account's roles and scope; only its SHA-256 is stored, the token itself is shown once.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc, Guard guard, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** Creates a token for the signed-in account and returns its secret, which is never shown again. */
    @Transactional
    public String create(String name) {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw Invalid.of("name", "请为令牌起一个不超过50字的名称");
        }
        Text.require("name", "令牌名称", name, 50, false);
        CurrentUser user = guard.current();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "vgd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (account_id, name, token_hash, created_at) values (:a, :n, :h, :now)")
                .param("a", user.accountId()).param("n", name.trim()).param("h", hash(token)).param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        audit.record(user.actor(), "API_TOKEN_CREATED", "api_token", key.getKeyAs(Long.class), null, "创建API令牌 " + name.trim(), null, null);
        return token;
    }

    public List<Token> mine() {
        return of(guard.current().accountId());
    }

    @Transactional
    public void revoke(long tokenId) {
        CurrentUser user = guard.current();
        int changed = jdbc.sql("update api_token set revoked_at = :now where id = :id and account_id = :a and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", tokenId).param("a", user.accountId()).update();
        if (changed == 0) {
            throw Guard.denied();
        }
        audit.record(user.actor(), "API_TOKEN_REVOKED", "api_token", tokenId, null, "吊销API令牌", null, null);
    }

    /** Revokes every live token of the account (no scope check: the caller decided); returns how many. */
    int revokeAll(long accountId) {
        return jdbc.sql("update api_token set revoked_at = :now where account_id = :a and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("a", accountId).update();
    }

    /** The tokens of an account (no scope check: the caller decided), newest first. */
    List<Token> of(long accountId) {
        return jdbc.sql("select * from api_token where account_id = :a order by id desc").param("a", accountId)
                .query((rs, n) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class))).list();
    }

    /** The account a live token belongs to, asked on every request: a revoked token or a disabled account is refused. */
    public Optional<AccountPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith("vgd_")) {
            return Optional.empty();
        }
        String hash = hash(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Live> live = jdbc.sql("""
                select a.id, a.username, a.session_epoch, t.name, t.last_used_at from api_token t join account a on a.id = t.account_id
                where t.token_hash = :h and t.revoked_at is null and a.enabled = true""")
                .param("h", hash)
                .query((rs, n) -> new Live(new AccountPrincipal(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
        // written at most once a minute (the pages show it to the minute): a write a request cost every API call a commit
        // flushed to disk (about 1 ms) and made the calls of one integration queue on the token's row
        if (live.isPresent() && (live.get().lastUsed() == null || live.get().lastUsed().isBefore(now.minus(LAST_USED_GRAIN)))) {
            jdbc.sql("update api_token set last_used_at = :now where token_hash = :h").param("now", now).param("h", hash).update();
        }
        return live.map(Live::principal);
    }

    private record Live(AccountPrincipal principal, OffsetDateTime lastUsed) {
    }

    /** How stale a token's {@code last_used_at} may be before a request writes it again. */
    static final java.time.Duration LAST_USED_GRAIN = java.time.Duration.ofMinutes(1);

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
