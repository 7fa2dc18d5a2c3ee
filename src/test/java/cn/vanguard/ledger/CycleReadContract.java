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
                seed(second, "ACT_MEETING", LocalDate.of(year, 1, 1), BigDecimal.ONE, null, EntryStatus.APPROVED, admin),
                // amounts of several base-10000 digits, and one below the first, as PostgreSQL's binary numeric carries them
                seed(second, "ACT_MEETING", LocalDate.of(year, 2, 1), new BigDecimal("10000"), null, EntryStatus.APPROVED, admin),
                seed(second, "ACT_MEETING", LocalDate.of(year, 2, 2), new BigDecimal("12345.6789"), null, EntryStatus.APPROVED, admin),
                seed(second, "ACT_MEETING", LocalDate.of(year, 2, 3), new BigDecimal("0.0001"), null, EntryStatus.APPROVED, admin),
                seed(second, "DED_OTHER", LocalDate.of(year, 2, 4), BigDecimal.ONE, new BigDecimal("-1.25"), EntryStatus.APPROVED, admin)),
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

    /**
     * Read in several {@code COPY} streams (on PostgreSQL each over a share of the table's blocks, on more connections in
     * one snapshot; on H2 the one stream), the cycle's entries are those read in one: member by member, the same rows in
     * the same order, with reversals, other years, waiting and rejected entries left out, and odd occurrence text intact.
     * Enough rows that the table spans many blocks, so that every stream has some.
     */
    @Test
    void severalStreamsReadWhatOneReads() {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        int year = fixtures.year();
        List<Long> members = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(fixtures.member(i % 2 == 0 ? tree.branch().id() : tree.otherBranch().id(), "流" + i));
        }
        java.util.Random random = new java.util.Random(8);
        List<String> items = List.of("ACT_MEETING", "ACT_STUDY", "DED_OTHER");
        List<Ledger.Seed> seeds = new java.util.ArrayList<>();
        EntryStatus[] statuses = {EntryStatus.APPROVED, EntryStatus.APPROVED, EntryStatus.APPROVED, EntryStatus.PENDING, EntryStatus.REJECTED};
        for (int i = 0; i < 3_000; i++) {
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(300));
            String item = items.get(random.nextInt(items.size()));
            BigDecimal points = item.startsWith("DED") ? new BigDecimal("-" + (1 + random.nextInt(3)) + ".5") : null;
            seeds.add(seed(members.get(random.nextInt(members.size())), item, date,
                    item.equals("ACT_MEETING") && random.nextInt(3) == 0 ? new BigDecimal("0.5") : BigDecimal.ONE, points, statuses[random.nextInt(statuses.length)], admin));
        }
        ledger.seedTrusted(seeds, AuditLog.Actor.SYSTEM);
        List<Long> odd = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long member = members.get(i % members.size());
            LocalDate date = LocalDate.of(year, 1 + i % 12, 1 + i % 28);
            odd.add(insert(member, "ACT_STUDY", date, "第" + i + "次\t\\会议\n补记\r" + "\\N".repeat(i % 2), null, tree, admin));
            // approved, but of the years before and after
            insert(member, "ACT_MEETING", LocalDate.of(year - 1, 12, 31 - i % 28), null, null, tree, admin);
            insert(member, "ACT_MEETING", LocalDate.of(year + 1, 1, 1 + i % 28), null, null, tree, admin);
            if (i % 3 == 0) {
                long reversed = insert(member, "ACT_MEETING", date, null, null, tree, admin);
                insert(member, "ACT_MEETING", date, null, reversed, tree, admin);
            }
        }

        CycleEntries one = transactions.execute(status -> positions.counting(year, 1));
        for (int streams : new int[] {2, 3}) {
            CycleEntries several = transactions.execute(status -> positions.counting(year, streams));
            assertThat(several.size()).as("%d streams", streams).isEqualTo(one.size());
            for (long member : members) {
                assertThat(several.of(member)).as("member %d, %d streams", member, streams).isEqualTo(one.of(member));
            }
        }
        Map<Long, List<Ledger.CountingEntry>> each = ledger.counting(members, year);
        for (long member : members) {
            assertThat(one.of(member)).isEqualTo(each.getOrDefault(member, List.of()));
        }
        assertThat(members.stream().flatMap(m -> one.of(m).stream()).filter(e -> odd.contains(e.id())).map(Ledger.CountingEntry::occurrence))
                .hasSize(40).allSatisfy(o -> assertThat(o).contains("\t\\会议\n补记\r"));
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
