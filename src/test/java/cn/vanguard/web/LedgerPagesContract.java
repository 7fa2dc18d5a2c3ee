package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.review.Review;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** The ledger's pages: fast entry, import, an entry's page, declarations, the review queue, scores and assessments. */
abstract class LedgerPagesContract {

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
    long member;
    String code;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    Fixtures.Account outsider;
    Fixtures.Account self;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        member = fixtures.member(tree.branch().id(), "王五");
        code = members.find(member).map(MemberRecord::code).orElseThrow();
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        outsider = fixtures.account(Role.SECRETARY, tree.otherBranch().id());
        self = fixtures.memberAccount(member, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private long entries() {
        return fixtures.jdbc().sql("select count(*) from ledger_entry where member_id = :m").param("m", member).query(Long.class).single();
    }

    @Test
    void fastEntrySavesEveryRowOrNone() throws Exception {
        String today = LocalDate.now().toString();
        mvc.perform(post("/entries/new").with(scorer.request()).with(csrf())
                        .param("unitId", Long.toString(tree.branch().id())).param("defaultItem", "ACT_MEETING").param("defaultDate", today)
                        .param("rows[0].member", code + " 王五").param("rows[0].key", Fixtures.unique("k"))
                        .param("rows[1].member", "没有这个人").param("rows[1].key", Fixtures.unique("k"))
                        .param("rows[2].member", code).param("rows[2].item", "DED_OTHER").param("rows[2].key", Fixtures.unique("k")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("“没有这个人”不是所选组织的党员")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("有2行需要修改")));
        assertThat(entries()).isZero();

        mvc.perform(post("/entries/new").with(scorer.request()).with(csrf())
                        .param("unitId", Long.toString(tree.branch().id())).param("defaultItem", "ACT_MEETING").param("defaultDate", today)
                        .param("rows[0].member", code + " 王五").param("rows[0].key", Fixtures.unique("k"))
                        .param("rows[1].member", "王五").param("rows[1].item", "ACT_STUDY").param("rows[1].key", Fixtures.unique("k")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "已录入2条积分记录，等待支部书记审核。"));
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void anImportedLedgerWithABadRowImportsNothingAndSaysWhichRow() throws Exception {
        String bad = "成员编号,项目编码,日期,数量\n" + code + ",ACT_MEETING," + LocalDate.now().minusDays(1) + ",1\n"
                + code + ",ACT_MEETNG," + LocalDate.now().minusDays(1) + ",1\n";
        mvc.perform(multipart("/entries/import").file(new MockMultipartFile("file", "台账.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第3行")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("是否应为 ACT_MEETING")));
        assertThat(entries()).isZero();
        String good = bad.replace("ACT_MEETNG", "ACT_STUDY");
        MockMultipartFile file = new MockMultipartFile("file", "台账.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/entries/import").file(file).param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(entries()).isEqualTo(2);
        mvc.perform(multipart("/entries/import").file(file).param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("导入过（2条记录）")));
        assertThat(entries()).isEqualTo(2);
        mvc.perform(multipart("/entries/import").file(file).param("unitId", Long.toString(tree.branch().id())).with(secondScorer().request()).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("由测试" + scorer.username() + "导入过（2条记录）")));
        assertThat(entries()).as("the same file is not imported into the unit again by another scorer").isEqualTo(2);
        mvc.perform(multipart("/entries/import").file(file).param("unitId", Long.toString(tree.branch().id())).with(outsider.request()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aReimportNamesTheFirstImporterOnlyWhenTheyAreInScope() throws Exception {
        Fixtures.Account committeeScorer = fixtures.account(Role.SCORER, tree.committee().id());
        String csv = "成员编号,项目编码,日期,数量\n" + code + ",ACT_STUDY," + LocalDate.now().minusDays(1) + ",1\n";
        MockMultipartFile file = new MockMultipartFile("file", "台账.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/entries/import").file(file).param("unitId", Long.toString(tree.branch().id())).with(committeeScorer.request()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/entries/import").file(file).param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("导入过（1条记录）")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(committeeScorer.username()))));
        assertThat(entries()).isEqualTo(1);
    }

    private Fixtures.Account secondScorer() {
        return fixtures.account(Role.SCORER, tree.branch().id());
    }

    private LedgerEntry recorded() {
        scorer.signIn();
        LedgerEntry entry = ledger.record(new NewEntry(member, "ACT_MEETING", LocalDate.now().minusDays(2), null, null, null, "党课", null),
                List.of(), Fixtures.unique("k"));
        SignIn.out();
        return entry;
    }

    @Test
    void anEntrysPageIsForItsScopeAndItsMember() throws Exception {
        LedgerEntry entry = recorded();
        mvc.perform(get("/entries/" + entry.id()).with(secretary.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("审核通过")));
        mvc.perform(get("/entries/" + entry.id()).with(self.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("审核通过</button>"))));
        mvc.perform(get("/entries/" + entry.id()).with(outsider.request())).andExpect(status().isForbidden());
    }

    @Test
    void theReviewQueueApprovesInPlaceWithHtmx() throws Exception {
        LedgerEntry entry = recorded();
        mvc.perform(get("/review").with(secretary.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("#" + entry.id())));
        mvc.perform(get("/review").with(outsider.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("#" + entry.id() + "<"))));
        mvc.perform(post("/entries/" + entry.id() + "/approve").with(secretary.request()).with(csrf()).header("HX-Request", "true")
                        .param("from", "review").param("version", Integer.toString(entry.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("table-success")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
        assertThat(ledger.get(entry.id()).status()).isEqualTo(EntryStatus.APPROVED);
        mvc.perform(get("/review").with(scorer.request())).andExpect(status().isOk());
        mvc.perform(get("/review").with(self.request())).andExpect(status().isForbidden());
    }

    @Test
    void theQueueAndTheEntryPagePostToOneRoutePerActionAndEachReturnsWhereItCameFrom() throws Exception {
        LedgerEntry fromQueue = recorded();
        LedgerEntry fromPage = recorded();
        String queue = mvc.perform(get("/review").with(secretary.request())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("formaction=\"/entries/" + fromQueue.id() + "/approve\"", "hx-post=\"/entries/" + fromQueue.id() + "/reject\"")
                .doesNotContain("/review/" + fromQueue.id());
        mvc.perform(post("/entries/{id}/reject", fromQueue.id()).with(secretary.request()).with(csrf()).header("HX-Request", "true")
                        .param("from", "review").param("version", Integer.toString(fromQueue.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("驳回时请填写理由")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"review-" + fromQueue.id() + "\"")));
        mvc.perform(post("/entries/{id}/approve", fromQueue.id()).with(secretary.request()).with(csrf())
                        .param("from", "review").param("version", Integer.toString(fromQueue.version())))
                .andExpect(redirectedUrl("/review")).andExpect(flash().attribute("flash", "已审核通过，记录生效：#" + fromQueue.id()));
        mvc.perform(post("/entries/{id}/approve", fromPage.id()).with(secretary.request()).with(csrf())
                        .param("version", Integer.toString(fromPage.version())))
                .andExpect(redirectedUrl("/entries/" + fromPage.id()));
        mvc.perform(post("/entries/{id}/reject", fromPage.id()).with(secretary.request()).with(csrf())
                        .param("reason", "重复").param("version", Integer.toString(fromPage.version())))
                .andExpect(redirectedUrl("/entries/" + fromPage.id()))
                .andExpect(flash().attribute("flashError", "该记录当前状态为“已生效”，不能驳回"));
        assertThat(List.of(ledger.get(fromQueue.id()).status(), ledger.get(fromPage.id()).status()))
                .containsExactly(EntryStatus.APPROVED, EntryStatus.APPROVED);
    }

    @Test
    void aLongReviewQueueShowsTheOldestFirstAndSaysHowManyWait() throws Exception {
        List<Ledger.Seed> seeds = new ArrayList<>();
        for (int i = 0; i <= ReviewController.PAGE; i++) {
            seeds.add(new Ledger.Seed(member, "ACT_STUDY", LocalDate.of(fixtures.year(), 1, 1 + i % 28), java.math.BigDecimal.ONE, null, null,
                    "集中学习" + i, null, EntrySource.SCORER, EntryStatus.PENDING, scorer.id(), null, null, null));
        }
        ledger.seedTrusted(seeds, cn.vanguard.audit.AuditLog.Actor.SYSTEM);
        String page = mvc.perform(get("/review").with(secretary.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("共" + (ReviewController.PAGE + 1) + "条记录等待您处理", "最早的" + ReviewController.PAGE + "条");
        assertThat(page.split("id=\"review-", -1)).hasSize(ReviewController.PAGE + 1);
    }

    @Test
    void aMemberDeclaresWithAPhotoAndSeesItWaiting() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        mvc.perform(multipart("/declare").file(new MockMultipartFile("files", "照片.png", "image/png", png))
                        .param("itemCode", "PRC_VOLUNTEER").param("date", LocalDate.now().minusDays(1).toString()).param("quantity", "1")
                        .param("note", "社区志愿服务").param("key", Fixtures.unique("k")).with(self.request()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/me"));
        assertThat(fixtures.jdbc().sql("select count(*) from attachment a join ledger_entry e on e.id = a.entry_id where e.member_id = :m")
                .param("m", member).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/me").with(self.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("待初审")));
        mvc.perform(multipart("/declare").param("itemCode", "PRC_VOLUNTEER").param("date", LocalDate.now().toString())
                        .param("key", Fixtures.unique("k")).with(self.request()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("请说明申报的事项")));
        mvc.perform(get("/declare").with(scorer.request())).andExpect(status().isForbidden());
    }

    @Test
    void scoresAreShownAndExportedWithinScope() throws Exception {
        LedgerEntry entry = recorded();
        secretary.signIn();
        review.approve(entry.id(), entry.version());
        SignIn.out();
        mvc.perform(get("/scores").param("unitId", Long.toString(tree.branch().id())).with(secretary.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("王五")));
        mvc.perform(get("/scores").param("unitId", Long.toString(tree.branch().id())).with(outsider.request())).andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(get("/scores/export").param("unitId", Long.toString(tree.branch().id())).with(secretary.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx))) {
            // header, then the members by rank: 王五 alone has a point
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(7).getStringCellValue()).isEqualTo("总分");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("王五");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(7).getNumericCellValue()).isEqualTo(1.0);
        }
        mvc.perform(get("/members/" + member + "/score").with(self.request())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("为什么是这个分")));
        mvc.perform(get("/members/" + member + "/score").with(outsider.request())).andExpect(status().isForbidden());
    }

    @Test
    void theSecretaryAssessesTheYearlyLevel() throws Exception {
        mvc.perform(post("/assessments").with(secretary.request()).with(csrf()).header("HX-Request", "true")
                        .param("memberId", Long.toString(member)).param("year", Integer.toString(fixtures.year()))
                        .param("item", "POST_LEVEL").param("value", "优秀"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("已保存")));
        mvc.perform(post("/assessments").with(secretary.request()).with(csrf()).header("HX-Request", "true")
                        .param("memberId", Long.toString(member)).param("year", Integer.toString(fixtures.year()))
                        .param("item", "POST_LEVEL").param("value", "良好"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是“年度考核等次”的等次")));
        mvc.perform(post("/assessments").with(outsider.request()).with(csrf())
                        .param("memberId", Long.toString(member)).param("year", Integer.toString(fixtures.year()))
                        .param("item", "POST_LEVEL").param("value", "称职"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.jdbc().sql("select assessed_value from assessment where member_id = :m").param("m", member).query(String.class).single())
                .isEqualTo("优秀");
    }

    @Test
    void withoutJavaScriptAnAssessmentGoesBackToThePageWithAMessage() throws Exception {
        String year = Integer.toString(fixtures.year());
        String page = "/assessments?unitId=" + tree.branch().id() + "&year=" + year;
        mvc.perform(post("/assessments").with(secretary.request()).with(csrf())
                        .param("unitId", Long.toString(tree.branch().id())).param("memberId", Long.toString(member)).param("year", year)
                        .param("item", "POST_LEVEL").param("value", "优秀"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flash", "已保存王五的“年度考核等次”：优秀。"));
        mvc.perform(post("/assessments").with(secretary.request()).with(csrf())
                        .param("unitId", Long.toString(tree.branch().id())).param("memberId", Long.toString(member)).param("year", year)
                        .param("item", "POST_LEVEL").param("value", "良好"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("不是“年度考核等次”的等次")));
        assertThat(fixtures.jdbc().sql("select assessed_value from assessment where member_id = :m").param("m", member).query(String.class).single())
                .isEqualTo("优秀");
        mvc.perform(get(page).with(secretary.request()).flashAttr("flash", "已保存王五的“年度考核等次”：优秀。"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已保存王五的“年度考核等次”：优秀。")));
    }
}
