package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * 账本校验: committee administrators (and the system administrator) run the chain check over their own units and see the
 * first broken entry with a link to it; nobody else reaches the page or sees it in the menu. H2 and PostgreSQL.
 */
abstract class LedgerCheckPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;

    Fixtures.Tree tree;
    Fixtures.Tree otherTree;
    Fixtures.Account admin;
    Fixtures.Account otherAdmin;
    LedgerEntry changed;

    @BeforeEach
    void twoCommitteesOneOfThemChangedInTheDatabase() {
        tree = fixtures.tree("city-direct-organs");
        otherTree = fixtures.tree("city-direct-organs");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        otherAdmin = fixtures.account(Role.COMMITTEE_ADMIN, otherTree.committee().id());
        LocalDate day = LocalDate.of(fixtures.year(), 1, 10);
        for (Fixtures.Tree t : List.of(tree, otherTree)) {
            long member = fixtures.member(t.branch().id(), "校验人");
            fixtures.account(Role.SCORER, t.branch().id()).signIn();
            changed = ledger.record(new NewEntry(member, "ACT_MEETING", day, null, null, null, "党员大会", null), List.of(),
                    Fixtures.unique("k"));
        }
        SignIn.out();
        fixtures.jdbc().sql("update ledger_entry set quantity = 5 where id = :id").param("id", changed.id()).update();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(MockHttpServletRequestBuilder request, Fixtures.Account who) throws Exception {
        return mvc.perform(request.with(who.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommitteeAdministratorChecksTheirOwnUnitsFromTheMenu() throws Exception {
        String html = page(get("/ledger-check"), admin);
        assertThat(html).contains("<h2 class=\"page-title\">账本校验</h2>").contains("href=\"/ledger-check\"").contains("开始校验")
                .doesNotContain("校验通过");
        String result = page(get("/ledger-check").param("run", "true").header("HX-Request", "true"), admin);
        assertThat(result).contains("校验通过").contains("1</span> 条积分记录").doesNotContain("<html");
        assertThat(page(get("/ledger-check").param("run", "true"), admin)).contains("<html").contains("校验通过");
    }

    @Test
    void theFirstBrokenEntryIsNamedWithALinkToIt() throws Exception {
        String result = page(get("/ledger-check").param("run", "true").header("HX-Request", "true"), otherAdmin);
        assertThat(result).contains("校验未通过").contains("href=\"/entries/" + changed.id() + "\"").contains("#" + changed.id())
                .contains(otherTree.branch().name()).contains("分值").contains("录入");
    }

    @Test
    void nobodyElseReachesThePageOrSeesItInTheMenu() throws Exception {
        Fixtures.Account secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        Fixtures.Account supervisor = fixtures.account(Role.SUPERVISOR, tree.committee().id());
        for (Fixtures.Account who : List.of(secretary, supervisor)) {
            mvc.perform(get("/ledger-check").param("run", "true").with(who.request())).andExpect(status().isForbidden());
            assertThat(page(get("/"), who)).doesNotContain("账本校验");
        }
        assertThat(page(get("/"), admin)).contains("账本校验");
    }
}
