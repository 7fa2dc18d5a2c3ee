package cn.vanguard.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.vanguard.NotFound;
import cn.vanguard.ledger.internal.ChainLinks;
import cn.vanguard.ledger.internal.EntryRows;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.CurrentUser;

/**
 * The ledger's side of the review: the entries waiting at a stage and the one way an entry's status changes. The ledger
 * owns the table, so the review module reads and moves entries only through here; who may move what is the review's
 * decision, made before it calls. Nothing here checks scope.
 */
@Service
public class EntryStates {

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final ChainLinks chain;

    EntryStates(JdbcClient jdbc, Schemes schemes, Clock clock, ApplicationEventPublisher events, Accounts accounts, ChainLinks chain) {
        this.chain = chain;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.clock = clock;
        this.events = events;
    }

    /** An entry and its item, as its scheme version defines it (null when that version no longer holds the code). */
    public record Decidable(LedgerEntry entry, Item item) {
    }

    /** An entry with its item, the row and its scheme version each read once. */
    public Decidable read(long id) {
        LedgerEntry entry = jdbc.sql(EntryRows.SELECT + " where e.id = :id").param("id", id).query(EntryRows.ROW).optional()
                .orElseThrow(() -> new NotFound("积分记录不存在"));
        Item item = schemes.scheme(entry.schemeVersionId()).item(entry.itemCode());
        return new Decidable(EntryRows.named(entry, item, accounts), item);
    }

    /** Where the entry a reversal points at stands: its status, and whether an approved reversal already took it out. */
    public record Original(long id, EntryStatus status, boolean reversed) {
    }

    public Original original(long id) {
        return jdbc.sql("""
                        select e.status, (select count(*) from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')
                        from ledger_entry e where e.id = :id""")
                .param("id", id).query((rs, n) -> new Original(id, EntryStatus.valueOf(rs.getString(1)), rs.getInt(2) > 0))
                .optional().orElseThrow(() -> new NotFound("积分记录不存在"));
    }

    /**
     * Entries in a status, oldest first, at most {@code limit}: in the members' units given (null: everywhere, empty:
     * none), leaving out those recorded by an account and those about a member (null: nobody).
     */
    public List<LedgerEntry> waiting(EntryStatus status, List<Long> units, long notRecordedBy, Long notAbout, int limit) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        return EntryRows.named(where(EntryRows.SELECT, status, units, notRecordedBy, notAbout,
                " order by e.recorded_at, e.id limit " + Math.max(1, limit)).query(EntryRows.ROW).list(), schemes, accounts);
    }

    /** How many entries {@link #waiting} would list without a limit. */
    public long countWaiting(EntryStatus status, List<Long> units, long notRecordedBy, Long notAbout) {
        if (units != null && units.isEmpty()) {
            return 0;
        }
        return where("select count(*) from ledger_entry e join member_place m on m.member_id = e.member_id", status, units, notRecordedBy, notAbout, "")
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec where(String select, EntryStatus status, List<Long> units, long notRecordedBy, Long notAbout,
                                           String tail) {
        return jdbc.sql(select + " where e.status = :s and e.recorded_by <> :me"
                        + (units == null ? "" : " and m.unit_id in (:units)")
                        + (notAbout == null ? "" : " and e.member_id <> :self") + tail)
                .param("s", status.name()).param("me", notRecordedBy).param("units", units == null ? List.of(0L) : units)
                .param("self", notAbout == null ? 0L : notAbout);
    }

    /**
     * Moves an entry from the status it was read in to {@code to}, if it still stands there at {@code version}, by the
     * account {@code by}, with the reason of a rejection; publishes {@link EntryChecked}, {@link EntryApproved} or
     * {@link EntryRejected} in the same transaction and appends the move to the entry's chain there, whose listeners (the audit line, the standings) run in it. Empty when
     * someone else moved or changed the entry first: nothing is written then. A move {@link EntryStatus#canMoveTo} forbids
     * throws.
     */
    public Optional<LedgerEntry> move(LedgerEntry entry, EntryStatus to, int version, CurrentUser by, String reason) {
        EntryStatus from = entry.status();
        from.moveTo(to);
        boolean checks = from == EntryStatus.FIRST_CHECK;
        boolean decides = to == EntryStatus.APPROVED || to == EntryStatus.REJECTED;
        String rejection = to == EntryStatus.REJECTED ? reason.strip() : null;
        // to the microsecond, as both databases keep it: the entry returned holds the instants read back later
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        int changed = jdbc.sql("update ledger_entry set status = :to, version = version + 1"
                        + (checks ? ", checked_by = :by, checked_at = :now" : "")
                        + (decides ? ", decided_by = :by, decided_at = :now" : "")
                        + (rejection != null ? ", reject_reason = :reason" : "")
                        + " where id = :id and status = :from and version = :v")
                .param("to", to.name()).param("by", by.accountId()).param("now", now).param("reason", rejection)
                .param("id", entry.id()).param("from", from.name()).param("v", version).update();
        if (changed == 0) {
            return Optional.empty();
        }
        chain.moved(entry.id(), to);
        LedgerEntry after = entry.moved(to, version, by.accountId(), by.displayName(), now, rejection);
        events.publishEvent(switch (to) {
            case PENDING -> new EntryChecked(entry.id(), entry.memberId(), after);
            case APPROVED -> new EntryApproved(entry.id(), entry.memberId(), entry.date(), entry.reversesId(), after);
            case REJECTED -> new EntryRejected(entry.id(), entry.memberId(), entry.date(), rejection, from, after);
            case FIRST_CHECK -> throw new IllegalStateException("nothing moves back to a first check");
        });
        return Optional.of(after);
    }
}
