package cn.vanguard.standings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.standings.Standing;
import cn.vanguard.standings.Standings;
import cn.vanguard.testing.Fixtures;

/** Standings changed behind the application's back are found stale, and a rebuild makes them current again. */
abstract class StaleStandingsContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Standings standings;
    @Autowired
    StaleCheck check;
    @Autowired
    SampleCheck sample;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void entriesLoadedBehindTheApplicationsBackMakeACycleStaleUntilItIsRebuilt() {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        long member = fixtures.member(tree.branch().id(), "王五");
        int year = fixtures.year();
        meeting(admin, member, year);
        assertThat(check.stale(year)).isEmpty();
        BigDecimal before = standings.of(member, year).map(Standing::result).orElseThrow().total();

        // a bulk load: an approved entry written straight into the table, as COPY or a restore would
        fixtures.jdbc().sql("""
                insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, note, source, status,
                                          recorded_by, recorded_at, decided_by, decided_at)
                values (:m, :u, :s, 'ACT_STUDY', :d, 1, '批量导入', 'SCORER', 'APPROVED', :a, :now, :a, :now)""")
                .param("m", member).param("u", tree.branch().id()).param("s", tree.scheme().id()).param("d", LocalDate.of(year, 3, 2))
                .param("a", admin.id()).param("now", java.time.OffsetDateTime.now()).update();
        assertThat(check.stale(year)).hasValueSatisfying(why -> assertThat(why).contains("ledger position"));

        standings.rebuild(year);
        assertThat(check.stale(year)).isEmpty();
        assertThat(standings.of(member, year).map(Standing::result).orElseThrow().total()).isEqualByComparingTo(before.add(BigDecimal.ONE));
    }

    @Test
    void theSampleCheckReportsAStoredResultThatDiffersFromARecomputeInTheLogAndTheAuditLog() {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        long member = fixtures.member(tree.branch().id(), "赵六");
        long other = fixtures.member(tree.branch().id(), "钱七");
        int year = fixtures.year();
        meeting(admin, member, year);
        assertThat(sample.check(100_000)).noneMatch(d -> d.contains("#" + member + "：") || d.contains("#" + other + "："));

        // a rank and a total edited in the table: neither matches a recompute
        fixtures.jdbc().sql("update standing set ranking = 9 where member_id = :m").param("m", member).update();
        fixtures.jdbc().sql("update standing_detail set figures = replace(figures, '\"total\":\"0.00\"', '\"total\":\"5.00\"') where member_id = :o")
                .param("o", other).update();
        List<String> differences = sample.check(100_000);
        assertThat(differences).anyMatch(d -> d.contains("#" + member + "：存储的名次"));
        assertThat(differences).anyMatch(d -> d.contains("#" + other + "：存储的得分"));
        assertThat(fixtures.jdbc().sql("select count(*) from audit_log where action = 'STANDINGS_DIFFER'").query(Integer.class).single())
                .isPositive();
        standings.rebuild(year);
        assertThat(sample.check(100_000)).noneMatch(d -> d.contains("#" + member + "：") || d.contains("#" + other + "："));
    }

    @Test
    void aRebuildWritesOnlyTheRowsThatDifferFromARecomputeAndDeletesThoseNobodyIsScoredIn() {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        long kept = fixtures.member(tree.branch().id(), "孙八");
        long edited = fixtures.member(tree.branch().id(), "周九");
        long left = fixtures.member(tree.branch().id(), "吴十");
        int year = fixtures.year();
        meeting(admin, edited, year);
        standings.rebuild(year);
        BigDecimal total = standings.of(edited, year).map(Standing::result).orElseThrow().total();
        String figures = detail(year, edited, "figures");
        java.time.OffsetDateTime old = java.time.OffsetDateTime.parse("2001-01-01T00:00:00Z");
        fixtures.jdbc().sql("update standing set updated_at = :t where cycle_year = :y and member_id in (:ids)")
                .param("t", old).param("y", year).param("ids", List.of(kept, edited, left)).update();
        // behind the application's back: one member's stored total and name changed, another marked transferred out (so
        // that no population holds them)
        fixtures.jdbc().sql("update standing set total = total + 7, member_name = '改过' where cycle_year = :y and member_id = :m")
                .param("y", year).param("m", edited).update();
        fixtures.jdbc().sql("update member set status = 'TRANSFERRED_OUT' where id = :m").param("m", left).update();

        standings.rebuild(year);

        assertThat(updatedAt(year, kept)).as("a row equal to the recompute is not written").isEqualTo(old.toInstant());
        assertThat(updatedAt(year, edited)).as("a row that differed is written again").isAfter(old.toInstant());
        assertThat(standings.of(edited, year).map(Standing::result).orElseThrow().total()).isEqualByComparingTo(total);
        assertThat(standings.of(edited, year).map(Standing::memberName)).contains("周九");
        assertThat(detail(year, edited, "figures")).isEqualTo(figures);
        assertThat(standings.of(left, year)).as("nobody scores a member transferred out").isEmpty();
        assertThat(fixtures.jdbc().sql("select count(*) from standing_detail where cycle_year = :y and member_id = :m")
                .param("y", year).param("m", left).query(Integer.class).single()).isZero();
        assertThat(check.stale(year)).isEmpty();
        assertThat(sample.check(100_000)).noneMatch(d -> d.contains("#" + kept + "：") || d.contains("#" + edited + "："));
    }

    private java.time.Instant updatedAt(int year, long member) {
        return fixtures.jdbc().sql("select updated_at from standing where cycle_year = :y and member_id = :m").param("y", year)
                .param("m", member).query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private String detail(int year, long member, String column) {
        return fixtures.jdbc().sql("select " + column + " from standing_detail where cycle_year = :y and member_id = :m").param("y", year)
                .param("m", member).query(String.class).single();
    }

    /** A meeting on 1 March, approved, seeded as the administrator. */
    private void meeting(Fixtures.Account admin, long member, int year) {
        ledger.seedTrusted(List.of(new Ledger.Seed(member, "ACT_MEETING", LocalDate.of(year, 3, 1), BigDecimal.ONE, null, null, "会议",
                null, EntrySource.SCORER, EntryStatus.APPROVED, admin.id(), null, admin.id(), null)), AuditLog.Actor.SYSTEM);
    }
}
