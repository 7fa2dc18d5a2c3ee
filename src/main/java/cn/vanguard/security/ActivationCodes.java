package cn.vanguard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time activation codes: twelve characters of an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits,
 * shown as {@code ABCD-EFGH-JKMN}. Only the SHA-256 of the code is stored, with its expiry
 * ({@code vanguard.activation.valid-days}, 30 by default, from the injected clock); a code is used once. Issuing a
 * new code for an account replaces the old one.
 */
@Component
class ActivationCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;

    ActivationCodes(JdbcClient jdbc, Clock clock, @Value("${vanguard.activation.valid-days:30}") int validDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = Duration.ofDays(validDays);
    }

    Clock clock() {
        return clock;
    }

    /** A code and when it stops working. */
    record Issued(String code, OffsetDateTime expiresAt) {
    }

    /** Makes a new code for the account, replacing any earlier one, and returns it: the only time it exists in clear. */
    Issued issue(long accountId, Long issuedBy) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(validity);
        jdbc.sql("delete from activation_code where account_id = :a").param("a", accountId).update();
        jdbc.sql("""
                insert into activation_code (account_id, code_hash, issued_at, expires_at, issued_by)
                values (:a, :h, :now, :exp, :by)""")
                .param("a", accountId).param("h", hash(code.toString())).param("now", now).param("exp", expires).param("by", issuedBy)
                .update();
        return new Issued(code.toString(), expires);
    }

    /**
     * Uses the account's code if it is the one given, unused and unexpired: marks it used in one statement, so that two
     * requests racing with the same code cannot both succeed. False for anything else, without saying which.
     */
    boolean use(long accountId, String code) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update activation_code set used_at = :now
                where account_id = :a and code_hash = :h and used_at is null and expires_at > :now""")
                .param("now", now).param("a", accountId).param("h", hash(code)).update() == 1;
    }

    /** The hash of a code as typed: case, spaces and hyphens do not matter. */
    static String hash(String code) {
        String normal = code == null ? "" : code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
