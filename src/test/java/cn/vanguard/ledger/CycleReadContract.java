package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The whole cycle's counting entries read at once (by COPY on PostgreSQL, parsed from its text) are, member by member,
 * the entries {@link Ledger#counting} reads for them: approved, dated in the cycle, neither a reversal nor reversed by an
 * approved one, by date and id; occurrence keys with tabs and backslashes, decimal quantities and points come back as
 * they were written; and each member's position is the one {@link LedgerPositions#of} computes.
 */
abstract class CycleReadContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerPositions positions;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void theWholeCyclesEntriesAreEachMembersCountingEntries() {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        long first = fixtures.member(tree.branch().id(), "甲");
        long second = fixtures.member(tree.otherBranch().id(), "乙");
        int year = fixtures.year();
        ledger.seedTrusted(List.of(
                seed(first, "ACT_MEETING", LocalDate.of(year, 5, 2), BigDecimal.ONE, null, EntryStatus.APPROVED, admin),
                seed(first, "ACT_MEETING", LocalDate.of(year, 1, 9), new BigDecimal("0.5"), null, EntryStatus.APPROVED, admin),
                seed(first, "DED_OTHER", LocalDate.of(year, 3, 1), BigDecimal.ONE, new BigDecimal("-2.50"), EntryStatus.APPROVED, admin),
                seed(first, "ACT_STUDY", LocalDate.of(year, 3, 1), BigDecimal.ONE, null, EntryStatus.PENDING, admin),
                seed(first, "ACT_STUDY", LocalDate.of(year, 3, 2), BigDecimal.ONE, null, EntryStatus.REJECTED, admin),
                seed(second, "ACT_STUDY", LocalDate.of(year, 1, 2), new BigDecimal("2"), null, EntryStatus.APPROVED, admin),
                seed(second, "ACT_MEETING", LocalDate.of(year, 1, 1), BigDecimal.ONE, null, EntryStatus.APPROVED, admin)),
                AuditLog.Actor.SYSTEM);
        // rows as a bulk load writes them: an occurrence key COPY's text format must escape, and an approved reversal
        long odd = insert(second, "ACT_STUDY", LocalDate.of(year, 6, 1), "第1次\t\\会议\n补记", null, tree, admin);
        long reversed = insert(first, "ACT_STUDY", LocalDate.of(year, 7, 1), null, null, tree, admin);
        insert(first, "ACT_STUDY", LocalDate.of(year, 7, 1), null, reversed, tree, admin);
        long lastYear = insert(first, "ACT_STUDY", LocalDate.of(year - 1, 12, 31), null, null, tree, admin);

        CycleEntries cycle = transactions.execute(status -> positions.counting(year));
        Map<Long, List<Ledger.CountingEntry>> one = ledger.counting(List.of(first, second), year);
        assertThat(cycle.of(first)).isEqualTo(one.get(first)).extracting(Ledger.CountingEntry::id).doesNotContain(reversed, lastYear);
        assertThat(cycle.of(second)).isEqualTo(one.get(second));
        assertThat(cycle.of(second)).filteredOn(e -> e.id() == odd).singleElement()
                .satisfies(e -> assertThat(e.occurrence()).isEqualTo("第1次\t\\会议\n补记"));
        assertThat(cycle.of(first)).extracting(Ledger.CountingEntry::points).filteredOn(java.util.Objects::nonNull)
                .singleElement().satisfies(p -> assertThat(p).isEqualByComparingTo("-2.50"));
        assertThat(cycle.of(first)).extracting(Ledger.CountingEntry::quantity)
                .anySatisfy(q -> assertThat(q).isEqualByComparingTo("0.5"));
        Map<Long, LedgerPosition> now = positions.of(year);
        for (long member : List.of(first, second)) {
            assertThat(LedgerPosition.of(cycle.of(member).stream().map(Ledger.CountingEntry::id).toList())).isEqualTo(now.get(member));
        }
        assertThat(cycle.of(-1)).isEmpty();
    }

    private static Ledger.Seed seed(long member, String item, LocalDate date, BigDecimal quantity, BigDecimal points, EntryStatus status,
                                    Fixtures.Account admin) {
        return new Ledger.Seed(member, item, date, quantity, points, null, "记录", null, EntrySource.SCORER, status, admin.id(), null,
                status == EntryStatus.PENDING ? null : admin.id(), status == EntryStatus.REJECTED ? "不符合" : null);
    }

    private long insert(long member, String item, LocalDate date, String occurrence, Long reverses, Fixtures.Tree tree, Fixtures.Account admin) {
        return fixtures.jdbc().sql("""
                        insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, occurrence, note,
                                                  source, status, recorded_by, recorded_at, decided_by, decided_at, reverses_id)
                        values (:m, :u, :s, :i, :d, 1, :o, '批量导入', 'SCORER', 'APPROVED', :a, :now, :a, :now, :r)""")
                .param("m", member).param("u", tree.branch().id()).param("s", tree.scheme().id()).param("i", item).param("d", date)
                .param("o", occurrence).param("r", reverses).param("a", admin.id()).param("now", OffsetDateTime.now())
                .update() == 1 ? fixtures.jdbc().sql("select max(id) from ledger_entry").query(Long.class).single() : -1;
    }
}
