package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.vanguard.NotFound;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.security.AccountLifecycle;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Managing accounts in the browser: who may list, create and change which accounts, the one-time password, the member
 * link and the forced password change of a new account; and {@link Accounts} refusing the same when called directly.
 * Runs on H2 and on PostgreSQL.
 */
abstract class AccountPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountLifecycle lifecycle;
    @Autowired
    Members members;

    Fixtures.Tree tree;
    Fixtures.Tree otherTree;
    Fixtures.Account admin;
    Fixtures.Account otherAdmin;
    Fixtures.Account scorer;
    Fixtures.Account otherScorer;
    Fixtures.Account system;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        otherTree = fixtures.tree("city-direct-organs");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        otherAdmin = fixtures.account(Role.COMMITTEE_ADMIN, otherTree.committee().id());
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        otherScorer = fixtures.account(Role.SCORER, otherTree.branch().id());
        system = fixtures.account(Role.SYSTEM_ADMIN, null);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url, Fixtures.Account who) throws Exception {
        return mvc.perform(get(url).with(who.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult create(Fixtures.Account who, String username, String memberCode, String role, Long unitId) throws Exception {
        return mvc.perform(post("/accounts").with(who.request()).with(csrf())
                        .param("username", username).param("displayName", "新同志")
                        .param("memberCode", memberCode == null ? "" : memberCode)
                        .param("role", role, "", "").param("unitId", unitId == null ? "" : unitId.toString(), "", ""))
                .andReturn();
    }

    @Test
    void managersListTheAccountsOfTheirUnitsOnly() throws Exception {
        String html = page("/accounts", admin);
        assertThat(html).contains(scorer.username()).doesNotContain(otherScorer.username()).contains("记分员");
        assertThat(page("/accounts", system)).contains(scorer.username()).contains(otherScorer.username());
        mvc.perform(get("/accounts").with(scorer.request())).andExpect(status().isForbidden());
        mvc.perform(get("/accounts/" + otherScorer.id()).with(admin.request())).andExpect(status().isForbidden());
        assertThat(page("/accounts/" + scorer.id(), admin)).contains(tree.branch().name()).contains("重置密码");
    }

    @Test
    void aNewAccountShowsItsPasswordOnceAndSignsInWithIt() throws Exception {
        String username = Fixtures.unique("new");
        MvcResult created = create(admin, username, null, "SCORER", tree.branch().id());
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String password = (String) created.getFlashMap().get("password");
        assertThat(password).hasSize(14);
        String target = created.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/accounts/");

        String once = mvc.perform(get(target).with(admin.request()).flashAttrs(Map.copyOf(created.getFlashMap())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(once).contains(password).contains("只显示这一次");
        assertThat(page(target, admin)).doesNotContain(password).doesNotContain("只显示这一次");

        MvcResult login = mvc.perform(formLogin("/login").user(username).password(password)).andExpect(authenticated()).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/accounts").session(session)).andExpect(redirectedUrl("/account/password"));
        String form = mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("请设置您自己的密码");
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", password).param("password", "Mine2026abc").param("repeat", "Mine2026abc"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(username).password(password)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(username).password("Mine2026abc")).andExpect(authenticated());
    }

    @Test
    void aManagerOfOneCommitteeCannotGrantRolesInAnother() throws Exception {
        String username = Fixtures.unique("x");
        assertThat(create(admin, username, null, "SCORER", otherTree.branch().id()).getResponse().getStatus()).isEqualTo(403);
        assertThat(accounts.findByUsername(username)).isEmpty();

        mvc.perform(post("/accounts/" + scorer.id() + "/grants").with(admin.request()).with(csrf())
                        .param("role", "SECRETARY").param("unitId", String.valueOf(otherTree.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + otherScorer.id() + "/grants").with(admin.request()).with(csrf())
                        .param("role", "SECRETARY").param("unitId", String.valueOf(tree.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + otherScorer.id() + "/password").with(admin.request()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(accounts.grants(scorer.id())).containsExactly(new Grant(Role.SCORER, tree.branch().id()));
        assertThat(accounts.grants(otherScorer.id())).containsExactly(new Grant(Role.SCORER, otherTree.branch().id()));

        mvc.perform(post("/accounts/" + scorer.id() + "/grants").with(admin.request()).with(csrf())
                        .param("role", "SECRETARY").param("unitId", String.valueOf(tree.otherBranch().id())))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()));
        assertThat(accounts.grants(scorer.id())).contains(new Grant(Role.SECRETARY, tree.otherBranch().id()));
        mvc.perform(post("/accounts/" + scorer.id() + "/grants/remove").with(admin.request()).with(csrf())
                        .param("role", "SECRETARY").param("unitId", String.valueOf(tree.otherBranch().id())))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()));
        assertThat(accounts.grants(scorer.id())).containsExactly(new Grant(Role.SCORER, tree.branch().id()));
    }

    @Test
    void theServiceGrantsAndRevokesOnlyOnAccountsInTheManagersScope() {
        admin.signIn();
        Grant ours = new Grant(Role.SECRETARY, tree.branch().id());
        assertThatThrownBy(() -> accounts.grant(otherScorer.id(), ours)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.revoke(otherScorer.id(), ours)).isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.grants(otherScorer.id())).containsExactly(new Grant(Role.SCORER, otherTree.branch().id()));
        accounts.grant(scorer.id(), ours);
        assertThat(accounts.grants(scorer.id())).contains(ours);
    }

    @Test
    void theServiceAnswersAnUnknownAccountWithNotFound() {
        system.signIn();
        long unknown = 987_654_321L;
        Grant grant = new Grant(Role.SCORER, tree.branch().id());
        List<ThrowingCallable> changes = List.of(() -> accounts.grant(unknown, grant), () -> accounts.revoke(unknown, grant),
                () -> lifecycle.setEnabled(unknown, false), () -> lifecycle.resetPassword(unknown), () -> lifecycle.revokeTokens(unknown),
                () -> accounts.linkMember(unknown, null));
        for (ThrowingCallable change : changes) {
            assertThatThrownBy(change).isInstanceOf(NotFound.class).hasMessage("账号不存在");
        }
    }

    @Test
    void onlySystemAdministratorsAreOfferedTheSystemAdministratorRole() throws Exception {
        assertThat(page("/accounts/new", admin)).doesNotContain("value=\"SYSTEM_ADMIN\"").contains("党委管理员").contains(tree.branch().name())
                .doesNotContain(otherTree.branch().name());
        assertThat(page("/accounts/new", system)).contains("value=\"SYSTEM_ADMIN\"");
        String username = Fixtures.unique("sys");
        assertThat(create(admin, username, null, "SYSTEM_ADMIN", null).getResponse().getStatus()).isEqualTo(403);
        assertThat(accounts.findByUsername(username)).isEmpty();
    }

    @Test
    void mistakesAreShownBesideTheFields() throws Exception {
        MvcResult bad = create(admin, "a b", null, "SCORER", tree.branch().id());
        String html = bad.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("用户名须为3至50位").contains("is-invalid");

        String taken = create(admin, scorer.username(), null, "SCORER", tree.branch().id()).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(taken).contains("已被使用");

        String noUnit = create(admin, Fixtures.unique("n"), null, "SCORER", null).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noUnit).contains("请为“记分员”选择所在组织");

        String member = create(admin, Fixtures.unique("m"), null, "MEMBER", tree.branch().id()).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(member).contains("党员角色需要关联");
    }

    @Test
    void aMemberAccountIsLinkedByTheMembersCodeInScope() throws Exception {
        long memberId = fixtures.member(tree.branch().id(), "赵六");
        long otherMemberId = fixtures.member(otherTree.branch().id(), "钱七");
        MemberRecord member = members.find(memberId).orElseThrow();
        MemberRecord other = members.find(otherMemberId).orElseThrow();

        // a code held in another committee answers exactly as a code nobody holds: codes cannot be probed across committees
        String outOfScope = create(admin, Fixtures.unique("o"), other.code(), "MEMBER", tree.branch().id()).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String unknown = create(admin, Fixtures.unique("o"), "NOBODY-" + other.code(), "MEMBER", tree.branch().id()).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(outOfScope).contains("你管理的范围内没有编号为“" + other.code() + "”的党员").doesNotContain("钱七")
                .doesNotContain(otherTree.branch().name());
        assertThat(unknown).contains("你管理的范围内没有编号为“NOBODY-" + other.code() + "”的党员");

        String username = Fixtures.unique("m");
        MvcResult created = create(admin, username, member.code(), "MEMBER", tree.branch().id());
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        Accounts.Account account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.memberId()).isEqualTo(memberId);
        assertThat(page("/accounts/" + account.id(), admin)).contains("赵六").contains(member.code());

        String again = create(admin, Fixtures.unique("m"), member.code(), "MEMBER", tree.branch().id()).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("该党员已关联了一个账号");

        mvc.perform(post("/accounts/" + account.id() + "/member/unlink").with(admin.request()).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + account.id()))
                .andExpect(result -> assertThat(result.getFlashMap().get("flashError").toString()).contains("先取消党员角色"));
        assertThat(accounts.find(account.id()).orElseThrow().memberId()).isEqualTo(memberId);

        mvc.perform(post("/accounts/" + scorer.id() + "/member").with(admin.request()).with(csrf()).param("memberCode", other.code()))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()))
                .andExpect(result -> assertThat(result.getFlashMap().get("flashError").toString())
                        .isEqualTo("你管理的范围内没有编号为“" + other.code() + "”的党员"));
        assertThat(accounts.find(scorer.id()).orElseThrow().memberId()).isNull();
        long third = fixtures.member(tree.branch().id(), "孙八");
        mvc.perform(post("/accounts/" + scorer.id() + "/member").with(admin.request()).with(csrf())
                        .param("memberCode", members.find(third).orElseThrow().code()))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()));
        assertThat(accounts.find(scorer.id()).orElseThrow().memberId()).isEqualTo(third);
        mvc.perform(post("/accounts/" + scorer.id() + "/member/unlink").with(admin.request()).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()));
        assertThat(accounts.find(scorer.id()).orElseThrow().memberId()).isNull();
    }

    @Test
    void theMemberSearchFindsOnlyMembersInScope() throws Exception {
        String name = Fixtures.unique("周");
        fixtures.member(tree.branch().id(), name);
        fixtures.member(otherTree.branch().id(), name);
        String found = mvc.perform(get("/accounts/members").param("q", name).header("HX-Request", "true").with(admin.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(SchemePagesContract.count(found, ">" + name + "<")).isEqualTo(1);
        assertThat(found).contains(tree.branch().name()).doesNotContain(otherTree.branch().name()).doesNotContain("<html");
        mvc.perform(get("/accounts/members").param("q", name).with(scorer.request())).andExpect(status().isForbidden());
    }

    @Test
    void aResetPasswordIsShownOnceAndMustBeChanged() throws Exception {
        MvcResult reset = mvc.perform(post("/accounts/" + scorer.id() + "/password").with(admin.request()).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + scorer.id())).andReturn();
        String password = (String) reset.getFlashMap().get("password");
        assertThat(password).hasSize(14);
        mvc.perform(formLogin("/login").user(scorer.username()).password(Fixtures.PASSWORD)).andExpect(unauthenticated());
        MvcResult login = mvc.perform(formLogin("/login").user(scorer.username()).password(password)).andExpect(authenticated()).andReturn();
        mvc.perform(get("/entries").session((MockHttpSession) login.getRequest().getSession(false)))
                .andExpect(redirectedUrl("/account/password"));
        assertThat(accounts.find(scorer.id()).orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        mvc.perform(post("/accounts/" + scorer.id() + "/enabled").with(admin.request()).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()));
        mvc.perform(formLogin("/login").user(scorer.username()).password(Fixtures.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?disabled"));
        assertThat(page("/accounts/" + scorer.id(), admin)).contains("已停用").contains("启用账号");
        mvc.perform(post("/accounts/" + scorer.id() + "/enabled").with(admin.request()).with(csrf()).param("enabled", "true"))
                .andExpect(redirectedUrl("/accounts/" + scorer.id()));
        mvc.perform(formLogin("/login").user(scorer.username()).password(Fixtures.PASSWORD)).andExpect(authenticated());
        mvc.perform(post("/accounts/" + otherScorer.id() + "/enabled").with(admin.request()).with(csrf()).param("enabled", "false"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(otherScorer.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anAccountWithRolesElsewhereIsOnlyPartlyManaged() throws Exception {
        Fixtures.Account both = fixtures.account(null, new Grant(Role.SCORER, tree.branch().id()), new Grant(Role.SCORER, otherTree.branch().id()));
        String html = page("/accounts/" + both.id(), admin);
        assertThat(html).contains("管理范围之外").doesNotContain("/accounts/" + both.id() + "/password");
        mvc.perform(post("/accounts/" + both.id() + "/password").with(admin.request()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + both.id() + "/grants/remove").with(admin.request()).with(csrf())
                        .param("role", "SCORER").param("unitId", String.valueOf(tree.branch().id())))
                .andExpect(redirectedUrl("/accounts/" + both.id()));
        assertThat(accounts.grants(both.id())).containsExactly(new Grant(Role.SCORER, otherTree.branch().id()));
    }
}
