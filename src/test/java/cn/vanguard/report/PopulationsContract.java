package cn.vanguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Ranks, stars and quotas are worked out per ranking unit, and a ranking unit is its id: two branches with the same
 * name under parents with the same name are two populations (scoring.md §8, §9).
 */
abstract class PopulationsContract {

    /** Ranked and rated per branch; half of a branch's members may get five stars and half four. */
    private static final String SCHEME = """
            id: twin-branches
            name: 同名支部测试方案
            scope: [FORMAL]
            sections:
              - code: ACT
                name: 参加活动
                mode: ACCRUE
                max: 100
                items:
                  - { code: ACT_POINT, name: 参加活动, points: 1 }
            ranking: UNIT
            stars:
              scope: UNIT
              minTotal: 0
              quotas: { 5: 50, 4: 50 }
            """;

    @Autowired
    Fixtures fixtures;
    @Autowired
    Units units;
    @Autowired
    Schemes schemes;
    @Autowired
    Ledger ledger;
    @Autowired
    Scores scores;
    @Autowired
    LedgerExport export;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void twoBranchesOfTheSameNameUnderParentsOfTheSameNameAreRankedAndRatedApart() throws Exception {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        Unit committee = fixtures.unit(null, "同名测试党委", UnitKind.COMMITTEE);
        Unit east = units.createTrusted(committee.id(), "机关总支", UnitKind.GENERAL_BRANCH, AuditLog.Actor.SYSTEM);
        Unit west = units.createTrusted(committee.id(), "机关总支", UnitKind.GENERAL_BRANCH, AuditLog.Actor.SYSTEM);
        Unit first = units.createTrusted(east.id(), "第一支部", UnitKind.BRANCH, AuditLog.Actor.SYSTEM);
        Unit twin = units.createTrusted(west.id(), "第一支部", UnitKind.BRANCH, AuditLog.Actor.SYSTEM);
        int year = fixtures.year();
        PublishedScheme scheme = schemes.publishFile(committee.id(), year, SCHEME, null);
        List<Ledger.Seed> seeds = new ArrayList<>();
        Map<String, Long> people = Map.of(
                "A40", fixtures.member(first.id(), "甲四十"), "A30", fixtures.member(first.id(), "甲三十"),
                "A20", fixtures.member(first.id(), "甲二十"), "A10", fixtures.member(first.id(), "甲十"),
                "B35", fixtures.member(twin.id(), "乙三十五"), "B25", fixtures.member(twin.id(), "乙二十五"));
        people.forEach((name, id) -> seeds.add(new Ledger.Seed(id, "ACT_POINT", LocalDate.of(year, 1, 1),
                new BigDecimal(name.substring(1)), null, null, "参加活动", null, EntrySource.SCORER, EntryStatus.APPROVED,
                admin.id(), null, admin.id(), null)));
        ledger.seedTrusted(seeds, AuditLog.Actor.SYSTEM);

        Map<Long, Scores.MemberScore> byId = scores.population(scheme, year, true).scores().stream()
                .collect(Collectors.toMap(s -> s.member().id(), s -> s));
        Map<String, String> results = people.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            var result = byId.get(e.getValue()).result();
            return result.total() + " #" + result.rank() + " " + result.stars() + "★";
        }));

        // 第一支部 under the east 机关总支: N = 4, 50% → 2 five stars and 2 four stars; ranks 1–4.
        // 第一支部 under the west 机关总支: N = 2, 50% → 1 and 1; ranks 1–2. As one population of 6 the ranks would run
        // to 6 and B35 would be second.
        assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A40", "40.00 #1 5★", "A30", "30.00 #2 5★", "A20", "20.00 #3 4★", "A10", "10.00 #4 4★",
                "B35", "35.00 #1 5★", "B25", "25.00 #2 4★"));
        assertThat(byId.get(people.get("B35")).result().explanation())
                .anySatisfy(line -> assertThat(line.rule()).contains("参与排名的2人中排第1名"));

        String firstLabel = byId.get(people.get("A40")).result().member().unit();
        String twinLabel = byId.get(people.get("B35")).result().member().unit();
        assertThat(firstLabel).isNotEqualTo(twinLabel).startsWith("机关总支/第一支部").contains("#" + first.id());
        assertThat(twinLabel).startsWith("机关总支/第一支部").contains("#" + twin.id());
        assertThat(byId.get(people.get("A40")).result().member().unitId()).isEqualTo(Long.toString(first.id()));

        // The exported members.csv, which the command line ranks by org_unit, keeps the two branches apart.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.zip(scheme, year, committee.id(), zip);
        String members = entry(zip.toByteArray(), "members.csv");
        assertThat(members).contains("," + firstLabel + ",").contains("," + twinLabel + ",");
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " missing from the export");
    }
}
