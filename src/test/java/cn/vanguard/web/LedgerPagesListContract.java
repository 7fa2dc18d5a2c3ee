package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.review.Review;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * 积分台账 a page at a time: 50 entries with the total, the search by member or item, filters in the URL, order by
 * date, bounded hostile input, scope through search and filters; entries' true states in one colour each; units named
 * by their path.
 */
abstract class LedgerPagesListContract {

    private static final Pattern BADGE = Pattern.compile("entry-state (bg-[a-z]+-lt)\">([^<]+)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    Members members;

    Fixtures.Tree tree;
    Unit group;
    long member;
    String code;
    long stranger;
    String strangerCode;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    Fixtures.Account outsider;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        group = fixtures.unit(tree.branch().id(), "第一党小组", UnitKind.GROUP);
        member = fixtures.member(group.id(), "王五");
        code = members.find(member).map(MemberRecord::code).orElseThrow();
        // a member of the same name in the other branch: the search never crosses
        stranger = fixtures.member(tree.otherBranch().id(), "王五");
        strangerCode = members.find(stranger).map(MemberRecord::code).orElseThrow();
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        outsider = fixtures.account(Role.SECRETARY, tree.otherBranch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private void seed(long who, String item, int count, EntryStatus status) {
        List<Ledger.Seed> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(new Ledger.Seed(who, item, LocalDate.of(fixtures.year(), 1, 1).plusDays(i), BigDecimal.ONE, null, null,
                    "第" + i + "次", null, EntrySource.SCORER, status, scorer.id(), null,
                    status == EntryStatus.APPROVED || status == EntryStatus.REJECTED ? secretary.id() : null,
                    status == EntryStatus.REJECTED ? "重复" : null));
        }
        ledger.seedTrusted(seeds, AuditLog.Actor.SYSTEM);
    }

    private String page(Fixtures.Account account, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(account.request())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    private static final String ROW = "<details class=\"list-group-item ledger-item\">";

    @Test
    void theLedgerShowsFiftyEntriesAPageWithTheTotalNewestFirstOrOldest() throws Exception {
        seed(member, "ACT_STUDY", 120, EntryStatus.APPROVED);
        LocalDate first = LocalDate.of(fixtures.year(), 1, 1);
        String newest = page(secretary, get("/entries").param("unitId", Long.toString(tree.branch().id())));
        assertThat(newest).contains("共120条记录，第1/3页，每页50条", "<html");
        assertThat(count(newest, ROW)).as("a page is 50 entries, each one line on a phone").isEqualTo(50);
        assertThat(newest.indexOf(first.plusDays(119).toString())).as("the latest date first").isPositive()
                .isLessThan(newest.indexOf(first.plusDays(118).toString()));
        assertThat(newest).doesNotContain(">" + first + "<");

        String last = page(secretary, get("/entries").param("unitId", Long.toString(tree.branch().id())).param("page", "3"));
        assertThat(last).contains("第3/3页");
        assertThat(count(last, ROW)).isEqualTo(20);
        assertThat(last).contains(">" + first + "<");

        String oldest = page(secretary, get("/entries").param("unitId", Long.toString(tree.branch().id())).param("order", "asc"));
        assertThat(oldest.indexOf(">" + first + "<")).isPositive().isLessThan(oldest.indexOf(">" + first.plusDays(1) + "<"));
        assertThat(oldest).as("the pager keeps the filter and the order")
                .contains("/entries?unitId=" + tree.branch().id() + "&amp;order=asc&amp;page=2");

        String fragment = page(secretary, get("/entries").param("unitId", Long.toString(tree.branch().id())).param("page", "2")
                .header("HX-Request", "true"));
        assertThat(fragment).contains("id=\"entry-list\"", "第2/3页").doesNotContain("<html", "ledger-filters");
        assertThat(page(secretary, get("/entries").param("page", "2").header("HX-Request", "true").header("HX-History-Restore-Request", "true")))
                .as("htmx restoring its history gets the whole page").contains("<html", "ledger-filters");
    }

    @Test
    void hostilePageNumbersAndSearchesAreBoundedWithAMessageNotAnError() throws Exception {
        seed(member, "ACT_STUDY", 60, EntryStatus.PENDING);
        String unit = Long.toString(tree.branch().id());
        for (String hostile : List.of("99999999999999999999", "2147483648", "999999999")) {
            assertThat(page(secretary, get("/entries").param("unitId", unit).param("page", hostile))).as(hostile).contains("第2/2页");
        }
        for (String hostile : List.of("-1", "0", "abc", "1e9", "")) {
            assertThat(page(secretary, get("/entries").param("unitId", unit).param("page", hostile))).as(hostile).contains("第1/2页");
        }
        assertThat(page(secretary, get("/entries").param("q", "王".repeat(5000))))
                .contains("搜索内容不能超过50个字").doesNotContain(ROW);
        assertThat(page(secretary, get("/entries").param("q", "%"))).as("a wildcard is a character").contains("没有符合条件的记录");
        assertThat(page(secretary, get("/entries").param("q", "' OR 1=1 --"))).contains("没有符合条件的记录");
        assertThat(page(secretary, get("/entries").param("from", LocalDate.of(fixtures.year(), 3, 1).toString())
                .param("to", LocalDate.of(fixtures.year(), 1, 1).toString())))
                .contains("晚于结束日期", "对调两个日期").doesNotContain(ROW);
    }

    @Test
    void aNameMatchingMoreThanAThousandMembersAsksForMoreOfItInsteadOfGuessing() throws Exception {
        String surname = Fixtures.unique("欧阳");
        List<cn.vanguard.org.MemberForm> forms = new ArrayList<>();
        for (int i = 0; i <= cn.vanguard.ledger.LedgerList.MAX_MEMBERS; i++) {
            forms.add(new cn.vanguard.org.MemberForm(Fixtures.unique("T"), surname + i, cn.vanguard.org.Gender.MALE, LocalDate.of(1980, 1, 1),
                    null, null, LocalDate.of(2005, 7, 1), cn.vanguard.scheme.MemberType.FORMAL, cn.vanguard.scheme.Category.IN_SERVICE,
                    cn.vanguard.org.MemberStatus.ACTIVE, tree.branch().id()));
        }
        members.createTrusted(forms, AuditLog.Actor.SYSTEM);
        assertThat(page(secretary, get("/entries").param("q", surname)))
                .contains("匹配的党员超过1000名：请输入更完整的姓名或党员编号，或先选择组织").doesNotContain(ROW);
        assertThat(page(outsider, get("/entries").param("q", surname))).as("none of them is in the other branch")
                .contains("没有符合条件的记录").doesNotContain("超过1000名");
        seed(fixtures.jdbc().sql("select id from member where name = :n").param("n", surname + "17").query(Long.class).single(), "ACT_STUDY", 2,
                EntryStatus.APPROVED);
        assertThat(page(secretary, get("/entries").param("q", surname + "17"))).contains("共2条记录");
    }

    @Test
    void theSearchFindsByMemberNameOrCodeOrItemOnlyWithinTheSecretarysBranch() throws Exception {
        seed(member, "ACT_STUDY", 3, EntryStatus.APPROVED);
        seed(member, "ACT_MEETING", 2, EntryStatus.PENDING);
        seed(stranger, "ACT_STUDY", 4, EntryStatus.APPROVED);

        String byName = page(secretary, get("/entries").param("q", "王五"));
        assertThat(byName).contains("共5条记录", code).doesNotContain(strangerCode);
        assertThat(page(outsider, get("/entries").param("q", "王五"))).contains("共4条记录", strangerCode).doesNotContain(code);
        assertThat(page(secretary, get("/entries").param("q", code))).contains("共5条记录");
        assertThat(page(outsider, get("/entries").param("q", code))).as("another branch's member code finds nothing")
                .contains("没有符合条件的记录").doesNotContain("王五", ROW);
        assertThat(page(secretary, get("/entries").param("q", "ACT_MEETING"))).as("by item code").contains("共2条记录");
        assertThat(page(secretary, get("/entries").param("q", "三会一课"))).as("by item name").contains("共2条记录");
        assertThat(page(outsider, get("/entries").param("q", "三会一课"))).as("the item's entries of the other branch only")
                .contains("没有符合条件的记录");
        assertThat(page(secretary, get("/entries").param("q", "王五").param("status", "PENDING"))).contains("共2条记录");

        // filters naming the other branch or its member reveal nothing of them
        assertThat(page(secretary, get("/entries").param("unitId", Long.toString(tree.otherBranch().id()))))
                .contains("没有符合条件的记录").doesNotContain(strangerCode, tree.otherBranch().name());
        String strangersEntries = page(secretary, get("/entries").param("memberId", Long.toString(stranger)));
        assertThat(strangersEntries).contains("没有符合条件的记录", "党员：#" + stranger).doesNotContain("王五", strangerCode);
        assertThat(page(secretary, get("/entries").param("memberId", Long.toString(member)))).contains("共5条记录", "党员：王五");
        long quiet = fixtures.member(tree.branch().id(), "赵六");
        assertThat(page(secretary, get("/entries").param("memberId", Long.toString(quiet)))).contains("没有符合条件的记录", "党员：赵六");
        assertThat(page(secretary, get("/entries").param("memberId", "999999999"))).contains("党员：#999999999");
    }

    @Test
    void aReversedEntryIsGreyAndLinksToItsReversalWhichLinksBack() throws Exception {
        scorer.signIn();
        LedgerEntry original = ledger.record(new NewEntry(member, "ACT_MEETING", LocalDate.now().minusDays(2), null, null, null, "党课", null),
                List.of(), Fixtures.unique("k"));
        SignIn.out();
        secretary.signIn();
        original = review.approve(original.id(), original.version());
        SignIn.out();
        scorer.signIn();
        LedgerEntry reversal = ledger.reverse(original.id(), "重复录入", Fixtures.unique("k"));
        SignIn.out();
        assertThat(page(secretary, get("/entries/" + original.id())))
                .as("while the reversal waits the original still counts").contains("entry-state bg-green-lt\">已生效<", "冲销#" + reversal.id() + "审核中");

        secretary.signIn();
        review.approve(reversal.id(), reversal.version());
        SignIn.out();
        String entryPage = page(secretary, get("/entries/" + original.id()));
        assertThat(entryPage).contains("href=\"/entries/" + reversal.id() + "\"", "冲销记录#" + reversal.id());
        Matcher first = BADGE.matcher(entryPage);
        assertThat(first.find()).isTrue();
        assertThat(first.group(2)).as("the entry's own badge, before its reversal's (which is in effect)").isEqualTo("已冲销");
        assertThat(first.group(1)).isEqualTo("bg-secondary-lt");
        assertThat(page(secretary, get("/entries/" + reversal.id()))).contains("冲销#" + original.id(), "href=\"/entries/" + original.id() + "\"");
        String list = page(secretary, get("/entries").param("memberId", Long.toString(member)));
        assertThat(list).contains("被#" + reversal.id() + "冲销", "entry-state bg-secondary-lt\">已冲销<", "冲销#" + original.id());
        assertThat(page(secretary, get("/members/" + member + "/score"))).contains("entry-state bg-secondary-lt\">已冲销<");

        // the status filter offers what the badges say: 已冲销 finds the original alone, 已生效 the reversal without it
        String cancelled = page(secretary, get("/entries").param("memberId", Long.toString(member)).param("status", "REVERSED"));
        assertThat(cancelled).contains("<option value=\"REVERSED\" selected=\"selected\">已冲销</option>", "共1条记录",
                "entry-state bg-secondary-lt\">已冲销<").doesNotContain("bg-green-lt\">已生效<");
        String inEffect = page(secretary, get("/entries").param("memberId", Long.toString(member)).param("status", "APPROVED"));
        assertThat(inEffect).contains("共1条记录", "entry-state bg-green-lt\">已生效<", "冲销#" + original.id())
                .doesNotContain("bg-secondary-lt\">已冲销<");
    }

    @Test
    void everyStateHasOneColourAndNoColourTwoStates() throws Exception {
        seed(member, "ACT_STUDY", 1, EntryStatus.PENDING);
        seed(member, "ACT_STUDY", 1, EntryStatus.APPROVED);
        seed(member, "ACT_STUDY", 1, EntryStatus.REJECTED);
        List<Ledger.Seed> declared = List.of(new Ledger.Seed(member, "PRC_VOLUNTEER", LocalDate.of(fixtures.year(), 1, 2), BigDecimal.ONE, null,
                null, "志愿服务", "甲、乙", EntrySource.DECLARED, EntryStatus.FIRST_CHECK, scorer.id(), null, null, null));
        ledger.seedTrusted(declared, AuditLog.Actor.SYSTEM);
        String list = page(secretary, get("/entries").param("memberId", Long.toString(member)));
        java.util.Map<String, java.util.Set<String>> labels = new java.util.HashMap<>();
        Matcher m = BADGE.matcher(list);
        while (m.find()) {
            labels.computeIfAbsent(m.group(1), c -> new java.util.HashSet<>()).add(m.group(2));
        }
        assertThat(labels).containsEntry("bg-green-lt", java.util.Set.of("已生效")).containsEntry("bg-orange-lt", java.util.Set.of("待审核"))
                .containsEntry("bg-red-lt", java.util.Set.of("已驳回")).containsEntry("bg-yellow-lt", java.util.Set.of("待初审"))
                .hasSize(4);
    }

    @Test
    void aRejectionInTheReviewQueueTurnsRedNotGreen() throws Exception {
        scorer.signIn();
        LedgerEntry entry = ledger.record(new NewEntry(member, "ACT_MEETING", LocalDate.now().minusDays(1), null, null, null, "党课", null),
                List.of(), Fixtures.unique("k"));
        SignIn.out();
        String row = mvc.perform(post("/entries/{id}/reject", entry.id()).with(secretary.request()).with(csrf()).header("HX-Request", "true")
                        .param("from", "review").param("reason", "日期有误").param("version", Integer.toString(entry.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row).contains("table-danger", "entry-state bg-red-lt\">已驳回<").doesNotContain("table-success", "bg-green-lt");
    }

    @Test
    void unitsAreNamedByTheirPathOnTheLedgerTheRosterAMembersPageAndTransfers() throws Exception {
        seed(member, "ACT_STUDY", 1, EntryStatus.PENDING);
        String path = tree.branch().name() + " / " + group.name();
        assertThat(page(secretary, get("/entries").param("memberId", Long.toString(member)))).contains(path);
        assertThat(page(secretary, get("/review"))).contains(path);
        assertThat(page(secretary, get("/members").param("unitId", Long.toString(tree.branch().id())))).contains(path);
        assertThat(page(secretary, get("/members/" + member))).contains(path);

        Unit otherGroup = fixtures.unit(tree.otherBranch().id(), "第一党小组", UnitKind.GROUP);
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        admin.signIn();
        members.transfer(member, otherGroup.id(), LocalDate.now().minusDays(1), "工作调动");
        SignIn.out();
        assertThat(page(admin, get("/members/" + member)))
                .contains(">" + path + "<", ">" + tree.otherBranch().name() + " / " + otherGroup.name() + "<");
    }
}
