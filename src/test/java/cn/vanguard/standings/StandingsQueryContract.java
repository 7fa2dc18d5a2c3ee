package cn.vanguard.standings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.org.Units;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** The paged reading of stored standings: pages that do not overlap, sorting, search, filters, count and summary. */
abstract class StandingsQueryContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Units units;
    @Autowired
    Standings standings;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void pagesSortSearchFilterAndSummariseTheUnitsMembers() {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        int year = fixtures.year();
        List<Long> people = new ArrayList<>();
        List<Ledger.Seed> seeds = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            long id = i == 7 ? fixtures.member(tree.otherBranch().id(), "预备七号", MemberType.PROBATIONARY, Category.IN_SERVICE)
                    : fixtures.member(tree.branch().id(), "党员" + i + "号");
            people.add(id);
            seeds.add(new Ledger.Seed(id, "ACT_MEETING", LocalDate.of(year, 2, 1), BigDecimal.valueOf(i * 3L), null, null, "会议", null,
                    EntrySource.SCORER, EntryStatus.APPROVED, admin.id(), null, admin.id(), null));
        }
        ledger.seedTrusted(seeds, AuditLog.Actor.SYSTEM);
        List<Long> all = units.subtree(tree.committee().id());

        StandingsPage first = standings.page(new StandingsQuery(year, all, null, null, StandingsQuery.Sort.TOTAL_DESCENDING, 0, 3));
        StandingsPage third = standings.page(new StandingsQuery(year, all, null, null, StandingsQuery.Sort.TOTAL_DESCENDING, 2, 3));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.rows()).extracting(Standing::memberId).containsExactly(people.get(6), people.get(5), people.get(4));
        assertThat(third.rows()).extracting(Standing::memberId).containsExactly(people.get(0));
        assertThat(first.summary().scored()).isEqualTo(7);
        assertThat(first.summary().highest()).isGreaterThan(first.summary().lowest());
        assertThat(first.summary().grades().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);

        StandingsPage byText = standings.page(new StandingsQuery(year, all, null, "3号", StandingsQuery.Sort.NAME, 0, 50));
        assertThat(byText.rows()).extracting(Standing::memberId).containsExactly(people.get(2));
        StandingsPage byType = standings.page(new StandingsQuery(year, all, MemberType.PROBATIONARY, null, null, 0, 50));
        assertThat(byType.rows()).extracting(Standing::memberId).containsExactly(people.get(6));
        StandingsPage byUnit = standings.page(new StandingsQuery(year, List.of(tree.otherBranch().id()), null, null, null, 0, 50));
        assertThat(byUnit.total()).isEqualTo(1);
        StandingsPage literal = standings.page(new StandingsQuery(year, all, null, "%", null, 0, 50));
        assertThat(literal.total()).isZero();
        StandingsPage ranked = standings.page(new StandingsQuery(year, List.of(tree.branch().id()), null, null, StandingsQuery.Sort.RANK, 0, 50));
        assertThat(ranked.rows()).extracting(s -> s.result().rank()).containsExactly(1, 2, 3, 4, 5, 6);
    }
}
