package cn.vanguard.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.vanguard.Invalid;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntriesSeeded;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;

/**
 * Entries written straight into the states given, for trusted setup code (the demo organisation, tests): checked
 * against the scheme like any entry, but recorded and decided by the accounts named, with one audit line for the batch.
 */
@Component
public class TrustedSeeds {

    private final JdbcClient jdbc;
    private final Members members;
    private final EntryChecks checks;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ChainLinks chain;

    TrustedSeeds(JdbcClient jdbc, Members members, EntryChecks checks, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                 ChainLinks chain) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.members = members;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public int write(List<Ledger.Seed> seeds, AuditLog.Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        Map<Long, MemberRecord> people = new HashMap<>();
        for (Ledger.Seed seed : seeds) {
            MemberRecord member = people.computeIfAbsent(seed.memberId(), id -> members.find(id).orElseThrow());
            PublishedScheme scheme = checks.scheme(member, seed.date());
            NewEntry entry = new NewEntry(seed.memberId(), seed.itemCode(), seed.date(), seed.quantity(), seed.points(), seed.occurrence(),
                    seed.note(), seed.witnesses());
            Map<String, String> errors = checks.problems(scheme, entry);
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            OffsetDateTime recordedAt = seed.date().atTime(18, 0).atZone(clock.getZone()).toOffsetDateTime();
            OffsetDateTime decidedAt = recordedAt.plusDays(2).isAfter(now) ? now : recordedAt.plusDays(2);
            jdbc.sql("""
                    insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence,
                                              note, witnesses, source, status, recorded_by, recorded_at, checked_by, checked_at,
                                              decided_by, decided_at, reject_reason)
                    values (:member, :unit, :scheme, :item, :date, :quantity, :points, :occurrence, :note, :witnesses, :source, :status,
                            :by, :at, :checkedBy, :checkedAt, :decidedBy, :decidedAt, :reason)""")
                    .param("member", member.id()).param("unit", member.unitId()).param("scheme", scheme.id()).param("item", seed.itemCode())
                    .param("date", seed.date()).param("quantity", seed.quantity() == null ? BigDecimal.ONE : seed.quantity())
                    .param("points", seed.points()).param("occurrence", seed.occurrence()).param("note", seed.note())
                    .param("witnesses", seed.witnesses()).param("source", seed.source().name()).param("status", seed.status().name())
                    .param("by", seed.recordedBy()).param("at", recordedAt)
                    .param("checkedBy", seed.checkedBy()).param("checkedAt", seed.checkedBy() == null ? null : decidedAt)
                    .param("decidedBy", seed.decidedBy()).param("decidedAt", seed.decidedBy() == null ? null : decidedAt)
                    .param("reason", seed.rejectReason())
                    .update(keys, "id");
            chain.seeded(keys.getKeyAs(Long.class));
        }
        events.publishEvent(new EntriesSeeded(people.keySet()));
        audit.record(actor, "ENTRIES_SEEDED", "ledger_entry", null, null, "演示数据：写入" + seeds.size() + "条积分记录", null, null);
        return seeds.size();
    }
}
