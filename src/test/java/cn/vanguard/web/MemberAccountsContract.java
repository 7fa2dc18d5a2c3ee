package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.vanguard.security.Grant;
import cn.vanguard.security.MemberAccounts;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * 党员账号: a secretary creates accounts for the branch's members in one step and gets their slips (a PDF), a member
 * activates with the code once and signs in, and nobody reaches another branch's members. Runs on H2 and PostgreSQL.
 */
abstract class MemberAccountsContract {

    static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MemberAccounts memberAccounts;

    Fixtures.Tree tree;
    Fixtures.Account secretary;
    Fixtures.Account otherSecretary;
    String name1;
    String name2;
    String otherName;
    long member1;
    long member2;
    long otherMember;

    @BeforeEach
    void branches() {
        tree = fixtures.tree("city-direct-organs");
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        otherSecretary = fixtures.account(Role.SECRETARY, tree.otherBranch().id());
        name1 = Fixtures.unique("甲");
        name2 = Fixtures.unique("乙");
        otherName = Fixtures.unique("丙");
        member1 = fixtures.member(tree.branch().id(), name1);
        member2 = fixtures.member(tree.branch().id(), name2);
        otherMember = fixtures.member(tree.otherBranch().id(), otherName);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    MvcResult createAll(Fixtures.Account who, long unitId) throws Exception {
        return mvc.perform(post("/member-accounts").with(who.request()).with(csrf()).param("unitId", String.valueOf(unitId))).andReturn();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group());
        }
        return codes;
    }

    String username(long memberId) {
        return fixtures.jdbc().sql("select username from account where member_id = :m").param("m", memberId).query(String.class).single();
    }

    int accountsOf(long memberId) {
        return fixtures.jdbc().sql("select count(*) from account where member_id = :m").param("m", memberId).query(Integer.class).single();
    }

    MvcResult activate(String username, String code, String password) throws Exception {
        return mvc.perform(post("/activate").with(csrf()).param("username", username).param("code", code)
                .param("password", password).param("repeat", password)).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecretaryCreatesAccountsForEveryMemberWithoutOneAndDownloadsTheirSlips() throws Exception {
        long linked = fixtures.member(tree.branch().id(), Fixtures.unique("丁"));
        fixtures.memberAccount(linked, tree.branch().id());

        MvcResult result = createAll(secretary, tree.branch().id());

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        byte[] pdf = result.getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target/member-accounts"));
        Files.write(Path.of("target/member-accounts/slips-" + getClass().getSimpleName() + ".pdf"), pdf);
        String text = text(pdf);
        assertThat(pages(pdf)).isEqualTo(1);
        assertThat(text).contains(name1, name2, username(member1), username(member2), tree.branch().name(), "账号激活单", "/activate")
                .doesNotContain(otherName);
        assertThat(codes(text)).hasSize(2).doesNotHaveDuplicates();
        assertThat(accountsOf(linked)).isEqualTo(1);
        assertThat(username(member1)).isEqualTo(fixtures.jdbc().sql("select lower(code) from member where id = :m").param("m", member1)
                .query(String.class).single());
        long account = fixtures.jdbc().sql("select id from account where member_id = :m").param("m", member1).query(Long.class).single();
        assertThat(fixtures.jdbc().sql("select role || ':' || unit_id from role_grant where account_id = :a").param("a", account)
                .query(String.class).list()).containsExactly("MEMBER:" + tree.branch().id());
        List<String> hashes = fixtures.jdbc().sql("select code_hash from activation_code where account_id = :a").param("a", account)
                .query(String.class).list();
        assertThat(hashes).hasSize(1).allSatisfy(h -> assertThat(codes(text)).doesNotContain(h).noneMatch(h::contains));
        assertThat(fixtures.jdbc().sql("select action from audit_log where username = :u order by id").param("u", secretary.username())
                .query(String.class).list()).containsExactly("ACCOUNT_CREATED", "ACCOUNT_CREATED", "MEMBER_ACCOUNTS_CREATED");

        MvcResult again = createAll(secretary, tree.branch().id());
        assertThat(again.getFlashMap().get("flashError")).asString().contains("都已开通账号");
    }

    @Test
    void aMemberActivatesWithTheCodeOnceAndThenSignsInWithTheirOwnPassword() throws Exception {
        secretary.signIn();
        MemberAccounts.Slip slip = memberAccounts.create(tree.branch().id(), List.of(member1)).get(0);
        SignIn.out();

        MvcResult weak = activate(slip.username(), slip.code(), "short");
        assertThat(body(weak)).contains("密码至少8位");
        MvcResult done = activate(slip.username(), slip.code().toLowerCase().replace("-", " "), "MyOwn2026pass");
        assertThat(done.getResponse().getRedirectedUrl()).startsWith("/login?activated");
        mvc.perform(formLogin("/login").user(slip.username()).password("MyOwn2026pass")).andExpect(authenticated());

        String used = body(activate(slip.username(), slip.code(), "Another2026pass"));
        String unknown = body(activate(Fixtures.unique("nobody"), slip.code(), "Another2026pass"));
        String wrong = body(activate(username(member1), "AAAA-BBBB-CCCC", "Another2026pass"));
        assertThat(used).contains("用户名或激活码不正确，或激活码已过期、已使用");
        assertThat(List.of(unknown, wrong)).allSatisfy(b -> assertThat(b).contains("用户名或激活码不正确，或激活码已过期、已使用"));
        assertThat(fixtures.jdbc().sql("select action from audit_log where account_id = (select id from account where member_id = :m) order by id")
                .param("m", member1).query(String.class).list()).contains("ACCOUNT_ACTIVATED", "LOGIN_FAILED");
        mvc.perform(formLogin("/login").user(slip.username()).password("Another2026pass")).andExpect(unauthenticated());
    }

    @Test
    void anExpiredOrReplacedCodeIsRefusedLikeAWrongOne() throws Exception {
        secretary.signIn();
        MemberAccounts.Slip first = memberAccounts.create(tree.branch().id(), List.of(member1, member2)).get(0);
        long account = fixtures.jdbc().sql("select id from account where username = :u").param("u", first.username()).query(Long.class).single();
        MemberAccounts.Slip second = memberAccounts.reissue(account);
        SignIn.out();
        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(body(activate(first.username(), first.code(), "MyOwn2026pass"))).contains("用户名或激活码不正确");

        fixtures.jdbc().sql("update activation_code set expires_at = :past where account_id = :a")
                .param("past", java.time.OffsetDateTime.now().minusDays(1)).param("a", account).update();
        assertThat(body(activate(second.username(), second.code(), "MyOwn2026pass"))).contains("用户名或激活码不正确");
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() throws Exception {
        secretary.signIn();
        MemberAccounts.Slip slip = memberAccounts.create(tree.branch().id(), List.of(member1)).get(0);
        SignIn.out();
        for (int i = 0; i < 5; i++) {
            assertThat(body(activate(slip.username(), "ZZZZ-ZZZZ-ZZZZ", "MyOwn2026pass"))).contains("用户名或激活码不正确");
        }
        assertThat(body(activate(slip.username(), slip.code(), "MyOwn2026pass"))).contains("尝试次数过多，请15分钟后再试");
        assertThat(fixtures.jdbc().sql("select summary from audit_log where action = 'ACCOUNT_LOCKED' and username = :u").param("u", slip.username())
                .query(String.class).list()).containsExactly("连续5次激活码无效，账号锁定15分钟");
    }

    @Test
    void aSecretaryNeitherSeesNorChangesAnotherBranchsMembersAndTheRefusalNamesNobody() throws Exception {
        otherSecretary.signIn();
        long otherAccount = fixtures.jdbc().sql("select id from account where username = :u")
                .param("u", memberAccounts.create(tree.otherBranch().id(), List.of()).get(0).username()).query(Long.class).single();
        SignIn.out();

        MvcResult list = mvc.perform(get("/member-accounts").param("unitId", String.valueOf(tree.otherBranch().id())).with(secretary.request())).andReturn();
        MvcResult create = createAll(secretary, tree.otherBranch().id());
        MvcResult smuggled = mvc.perform(post("/member-accounts").with(secretary.request()).with(csrf())
                .param("unitId", String.valueOf(tree.branch().id())).param("memberId", String.valueOf(member1), String.valueOf(otherMember))).andReturn();
        MvcResult reissue = mvc.perform(post("/member-accounts/{id}/code", otherAccount).with(secretary.request()).with(csrf())).andReturn();
        MvcResult disable = mvc.perform(post("/member-accounts/{id}/enabled", otherAccount).param("enabled", "false")
                .with(secretary.request()).with(csrf())).andReturn();

        for (MvcResult refused : List.of(list, create, smuggled, reissue, disable)) {
            assertThat(refused.getResponse().getStatus()).isEqualTo(403);
            assertThat(body(refused)).doesNotContain(otherName).doesNotContain(tree.otherBranch().name()).doesNotContain(username(otherMember));
        }
        assertThat(accountsOf(member1)).as("the smuggled request made nothing, not even for the secretary's own member").isZero();
        assertThat(fixtures.jdbc().sql("select enabled from account where id = :a").param("a", otherAccount).query(Boolean.class).single()).isTrue();
        assertThat(body(mvc.perform(get("/member-accounts").with(secretary.request())).andReturn())).contains(name1).doesNotContain(otherName);
    }

    @Test
    void aSecretaryManagesOnlyMembersOwnAccountsNotTheirOwnOrAColleaguesRoles() throws Exception {
        Fixtures.Account scorer = fixtures.account(member1, new Grant(Role.SCORER, tree.branch().id()));
        long own = fixtures.member(tree.branch().id(), Fixtures.unique("书记"));
        Fixtures.Account self = fixtures.account(own, new Grant(Role.SECRETARY, tree.branch().id()));
        for (Fixtures.Account account : List.of(scorer, self)) {
            assertThat(mvc.perform(post("/member-accounts/{id}/code", account.id()).with(self.request()).with(csrf())).andReturn()
                    .getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(post("/member-accounts/{id}/enabled", account.id()).param("enabled", "false").with(self.request()).with(csrf()))
                    .andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        MvcResult byAdmin = mvc.perform(post("/member-accounts/{id}/code", scorer.id()).with(admin.request()).with(csrf())).andReturn();
        assertThat(byAdmin.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(text(byAdmin.getResponse().getContentAsByteArray())).contains(scorer.username()).contains(name1);
    }

    @Test
    void aCommitteeAdministratorCreatesForEveryBranchOfTheCommitteeButNoOther() throws Exception {
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        Fixtures.Tree elsewhere = fixtures.tree("city-direct-organs");
        String stranger = Fixtures.unique("戊");
        long strangerId = fixtures.member(elsewhere.branch().id(), stranger);

        MvcResult all = createAll(admin, tree.committee().id());
        assertThat(codes(text(all.getResponse().getContentAsByteArray()))).hasSize(3);
        assertThat(List.of(member1, member2, otherMember)).allSatisfy(m -> assertThat(accountsOf(m)).isEqualTo(1));

        MvcResult refused = createAll(admin, elsewhere.branch().id());
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(refused)).doesNotContain(stranger);
        assertThat(accountsOf(strangerId)).isZero();
    }

    @Test
    void aBranchOfAHundredIsCreatedInOneTransactionAllOrNothing() throws Exception {
        var branch = fixtures.unit(tree.committee().id(), "大支部", cn.vanguard.org.UnitKind.BRANCH);
        Fixtures.Account big = fixtures.account(Role.SECRETARY, branch.id());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(fixtures.member(branch.id(), Fixtures.unique("员")));
        }
        String lastCode = fixtures.jdbc().sql("select code from member where id = :m").param("m", ids.get(99)).query(String.class).single();
        Fixtures.Account squatter = fixtures.account(Role.SCORER, tree.otherBranch().id());
        fixtures.jdbc().sql("update account set username = :u where id = :id").param("u", lastCode.toUpperCase()).param("id", squatter.id()).update();
        Fixtures.Account squatter2 = fixtures.account(Role.SCORER, tree.otherBranch().id());
        fixtures.jdbc().sql("update account set username = :u where id = :id").param("u", lastCode.toLowerCase() + "-" + ids.get(99))
                .param("id", squatter2.id()).update();

        MvcResult clash = createAll(big, branch.id());
        assertThat(clash.getFlashMap().get("flashError")).asString().contains("编号 " + lastCode).contains("本次没有开通任何账号");
        assertThat(ids).allSatisfy(m -> assertThat(accountsOf(m)).isZero());

        fixtures.jdbc().sql("update account set username = :u where id = :id").param("u", Fixtures.unique("moved")).param("id", squatter2.id()).update();
        MvcResult made = createAll(big, branch.id());
        byte[] pdf = made.getResponse().getContentAsByteArray();
        assertThat(pages(pdf)).isEqualTo(13);
        assertThat(codes(text(pdf))).hasSize(100).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(m -> assertThat(accountsOf(m)).isEqualTo(1));
        assertThat(username(ids.get(99))).isEqualTo(lastCode.toLowerCase() + "-" + ids.get(99));
    }
}
