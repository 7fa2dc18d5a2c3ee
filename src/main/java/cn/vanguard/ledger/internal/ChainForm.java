package cn.vanguard.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.vanguard.ledger.ChainCheck.Kind;
import cn.vanguard.ledger.EntryStatus;

/**
 * The canonical form of a chain link, recomputed from the entry's row, and the hashes over it (docs/tamper-evidence.md).
 * The text is UTF-8, one {@code name=value} line per field in a fixed order, fields in named groups; a value is a
 * decimal integer, an exact decimal with trailing zeros stripped (1.5, never 1.5000 or 1.5E0), an ISO date, a UTC instant
 * to the microsecond ({@code 2026-01-10T10:00:00.000000Z}) or text with {@code \} {@code \n} {@code \r} escaped;
 * {@code \N} is null, which no escaped text can be.
 */
final class ChainForm {

    static final String VERSION = "vanguard-ledger-chain/1";
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final HexFormat HEX = HexFormat.of();

    /** A group of fields as the text names them, and its Chinese name for a check's report. */
    record Group(String name, String chinese, String text) {
    }

    /** A link's canonical text and its groups, in order. */
    record Form(String text, List<Group> groups) {

        /** Eight hex digits of SHA-256 of each group's text, in order: what a check compares to name the group that changed. */
        String digests() {
            StringBuilder out = new StringBuilder(groups.size() * 8);
            for (Group group : groups) {
                out.append(HEX.formatHex(sha256(group.text().getBytes(StandardCharsets.UTF_8)), 0, 4));
            }
            return out.toString();
        }
    }

    private ChainForm() {
    }

    /** The link of {@code kind} for the row, in the chain of {@code unitId}. */
    static Form of(Kind kind, long unitId, ChainRow row) {
        List<Group> groups = new ArrayList<>();
        switch (kind) {
            case RECORDED -> {
                groups.add(group("member", "党员", "member_id", row.memberId()));
                groups.add(group("date", "日期", "entry_date", row.date()));
                groups.add(group("item", "事项", "scheme_version_id", row.schemeVersionId(), "item_code", row.itemCode(),
                        "occurrence", row.occurrence()));
                groups.add(group("points", "分值", "quantity", row.quantity(), "points", row.points()));
                groups.add(group("origin", "来源", "source", row.source(), "reverses_id", row.reversesId(), "recorded_by",
                        row.recordedBy(), "recorded_at", row.recordedAt()));
                groups.add(group("text", "说明", "note", row.note(), "witnesses", row.witnesses()));
            }
            case CHECKED -> groups.add(group("check", "初审", "status", EntryStatus.PENDING.name(), "checked_by", row.checkedBy(),
                    "checked_at", row.checkedAt()));
            case DECIDED -> {
                groups.add(group("status", "审核结论", "status", row.status(), "reject_reason", row.rejectReason()));
                groups.add(group("decision", "审核人与时间", "checked_by", row.checkedBy(), "checked_at", row.checkedAt(),
                        "decided_by", row.decidedBy(), "decided_at", row.decidedAt()));
            }
        }
        StringBuilder text = new StringBuilder(400).append(VERSION).append('\n')
                .append("kind=").append(kind.name()).append('\n')
                .append("unit=").append(unitId).append('\n')
                .append("entry=").append(row.id()).append('\n');
        for (Group group : groups) {
            text.append(group.text());
        }
        return new Form(text.toString(), groups);
    }

    /** The hash of a link: SHA-256 of the previous link's hash (32 bytes) followed by the UTF-8 canonical text, in hex. */
    static String hash(String previous, Form form) {
        MessageDigest digest = digest();
        digest.update(HEX.parseHex(previous));
        digest.update(form.text().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
    }

    /** The "previous hash" of a unit's first link: SHA-256 of {@code vanguard-ledger-chain/1\nunit=<id>\n}. */
    static String genesis(long unitId) {
        return HEX.formatHex(sha256((VERSION + "\nunit=" + unitId + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static Group group(String name, String chinese, Object... fields) {
        StringBuilder text = new StringBuilder(120).append('[').append(name).append("]\n");
        for (int i = 0; i < fields.length; i += 2) {
            text.append(fields[i]).append('=');
            value(text, fields[i + 1]);
            text.append('\n');
        }
        return new Group(name, chinese, text.toString());
    }

    private static void value(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal d) {
            text.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (value instanceof OffsetDateTime t) {
            text.append(INSTANT.format(t.toInstant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)));
        } else if (value instanceof String s) {
            escaped(text, s);
        } else {
            text.append(value);
        }
    }

    private static void escaped(StringBuilder text, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
