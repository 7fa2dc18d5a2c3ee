package cn.vanguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.PeriodMove;
import cn.vanguard.cycle.PeriodStatus;
import cn.vanguard.cycle.Periods;
import cn.vanguard.cycle.Snapshot;
import cn.vanguard.cycle.SnapshotLine;
import cn.vanguard.ledger.LedgerChain;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.SettableClock;

/**
 * The demo organisation loaded on 24 September 2026 (the training clock's example): its quarterly branch has the first
 * and second quarters closed, signed, published for 5 working days on the 2026 calendar and approved by the committee,
 * each step dated when a branch would have taken it, and the third quarter open. Its own in-memory database: the demo
 * is loaded once per installation.
 */
@SpringBootTest
@Import({Fixtures.class, SettableClock.Config.class})
@TestPropertySource(properties = {
        "spring.datasource.url=" + DemoQuartersTest.URL, "spring.flyway.url=" + DemoQuartersTest.URL, "spring.flyway.user=sa",
        "vanguard.key-file=target/test-id-card.key", "vanguard.sessions.jdbc=false", "vanguard.cycle.window-check-first=P1D"})
class DemoQuartersTest {

    static final String URL = "jdbc:h2:mem:vanguard-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    Fixtures fixtures;
    @Autowired
    SettableClock clock;
    @Autowired
    DemoOrganisation demo;
    @Autowired
    Guard guard;
    @Autowired
    Periods periods;
    @Autowired
    LedgerChain chain;
    @Autowired
    cn.vanguard.org.IdCards idCards;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void theQuarterlyBranchLoadsWithItsEndedQuartersApprovedAsTheyWouldHaveRunAndTheCurrentOneOpen() {
        clock.set("2026-09-24T09:00+08:00");
        fixtures.account(Role.SYSTEM_ADMIN, null).signIn();
        DemoOrganisation.Loaded loaded = demo.load(guard.current());
        assertThat(loaded.units()).isEqualTo(9);
        assertThat(loaded.accounts()).extracting(DemoOrganisation.DemoAccount::username).contains("shuji3", "dangyuan3");
        long branch = fixtures.jdbc().sql("select id from org_unit where name = :n").param("n", QuarterlyBranch.NAME).query(Long.class).single();

        List<EvaluationPeriod> quarters = periods.ofUnit(branch, 2026);
        assertThat(quarters).extracting(EvaluationPeriod::label).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(quarters).extracting(EvaluationPeriod::status)
                .containsExactly(PeriodStatus.APPROVED, PeriodStatus.APPROVED, PeriodStatus.OPEN);
        assertThat(quarters.get(0).windowWording()).isEqualTo("公示时间：2026年4月3日至4月10日（5个工作日）");   // over 清明
        assertThat(quarters.get(1).windowWording()).isEqualTo("公示时间：2026年7月3日至7月9日（5个工作日）");

        String secretary = loaded.accounts().stream().filter(a -> a.username().equals("shuji3")).findFirst().orElseThrow().displayName();
        List<PeriodMove> history = periods.history(quarters.get(0));
        assertThat(history).extracting(PeriodMove::to).containsExactly(PeriodStatus.CLOSED, PeriodStatus.SIGNED, PeriodStatus.PUBLISHED,
                PeriodStatus.SUBMITTED, PeriodStatus.APPROVED);
        assertThat(history).extracting(PeriodMove::actor).containsExactly(secretary, secretary, secretary, "系统", "党委管理员");
        assertThat(history).extracting(m -> OffsetDateTime.ofInstant(m.at(), CHINA).toString()).containsExactly(
                "2026-04-02T10:00+08:00", "2026-04-03T09:00+08:00", "2026-04-03T15:00+08:00", "2026-04-11T00:00+08:00",
                "2026-04-13T10:00+08:00");

        Snapshot q1 = periods.snapshots(quarters.get(0)).get(0);
        assertThat(OffsetDateTime.ofInstant(q1.createdAt(), CHINA).toString()).isEqualTo("2026-04-02T10:00+08:00");
        List<SnapshotLine> lines = periods.lines(quarters.get(0));
        assertThat(lines).hasSize(q1.memberCount()).hasSizeGreaterThanOrEqualTo(QuarterlyBranch.SIZE - 1);
        // a quarter of 学习强国, meetings and dues: the diligent score high, nobody is above the 70 base points a quarter holds
        assertThat(lines).filteredOn(SnapshotLine::scored).allSatisfy(l -> assertThat(l.total()).isBetween(
                java.math.BigDecimal.ZERO, new java.math.BigDecimal("70")));
        assertThat(lines).filteredOn(SnapshotLine::scored).extracting(SnapshotLine::total)
                .anySatisfy(t -> assertThat(t).isGreaterThan(new java.math.BigDecimal("60")));
        assertThat(chain.verify(List.of(branch)).ok()).isTrue();
        // a member's declaration waits for its first check without the photo its item asks for
        assertThat(fixtures.jdbc().sql("""
                select count(*) from ledger_entry e join member m on m.id = e.member_id
                where m.unit_id = :u and e.item_code = 'CZ_VOLUNTEER' and e.status = 'FIRST_CHECK' and e.source = 'DECLARED'""")
                .param("u", branch).query(Integer.class).single()).isEqualTo(1);
        // every demo member's ID-card number agrees with their birth date and gender, so any of them can be edited as they are
        record Person(String gender, java.time.LocalDate birth, String cipher) {
        }
        List<Person> people = fixtures.jdbc().sql("select gender, birth_date, id_card_cipher from member where id_card_cipher is not null")
                .query((rs, n) -> new Person(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3))).list();
        assertThat(people).hasSizeGreaterThan(100).allSatisfy(p -> {
            String number = idCards.decrypt(p.cipher());
            assertThat(cn.vanguard.org.IdCards.problem(number)).isNull();
            assertThat(cn.vanguard.org.IdCards.birthDate(number)).isEqualTo(p.birth());
            assertThat(cn.vanguard.org.IdCards.gender(number).name()).isEqualTo(p.gender());
        });
        assertThat(fixtures.jdbc().sql("select count(*) from audit_log where action = 'PERIOD_APPROVED' and summary like '%演示组织载入%'")
                .query(Integer.class).single()).isEqualTo(2);
    }
}
