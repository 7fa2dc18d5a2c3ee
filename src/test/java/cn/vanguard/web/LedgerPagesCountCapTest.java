package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The ledger list counts up to its cap and says "more than" beyond it, paging to the cap's last page: here with a cap of
 * 100 instead of 100,000, on an H2 database of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@TestPropertySource(properties = {"vanguard.ledger-list.count-cap=100",
        "spring.datasource.url=" + LedgerPagesCountCapTest.URL, "spring.flyway.url=" + LedgerPagesCountCapTest.URL, "spring.flyway.user=sa",
        "vanguard.key-file=target/test-id-card.key", "vanguard.sessions.jdbc=false"})
class LedgerPagesCountCapTest {

    static final String URL = "jdbc:h2:mem:vanguard-ledger-count-cap;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void moreEntriesThanTheCapAreMoreThanTheCapAndPageToItsLastPage() throws Exception {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        long member = fixtures.member(tree.branch().id(), "王五");
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        Fixtures.Account secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        List<Ledger.Seed> seeds = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            EntryStatus status = i < 30 ? EntryStatus.PENDING : EntryStatus.APPROVED;
            seeds.add(new Ledger.Seed(member, "ACT_STUDY", LocalDate.of(fixtures.year(), 1, 1).plusDays(i), BigDecimal.ONE, null, null,
                    "第" + i + "次", null, EntrySource.SCORER, status, scorer.id(), null, status == EntryStatus.APPROVED ? secretary.id() : null,
                    null));
        }
        ledger.seedTrusted(seeds, AuditLog.Actor.SYSTEM);
        String unit = Long.toString(tree.branch().id());
        assertThat(page(secretary, "/entries?unitId=" + unit)).contains("超过100条记录（请用搜索或筛选缩小范围），第1/2页");
        assertThat(page(secretary, "/entries?unitId=" + unit + "&page=9")).contains("第2/2页");
        assertThat(page(secretary, "/entries?unitId=" + unit + "&status=PENDING")).contains("共30条记录，第1/1页");
    }

    private String page(Fixtures.Account account, String url) throws Exception {
        return mvc.perform(get(url).with(account.request())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
