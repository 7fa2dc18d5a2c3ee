package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.file.Presets;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The scheme pages: who reads which versions, the Chinese reading of a version with its 解读 marked, the YAML,
 * publishing presets, files and copies, and a rejected file shown line by line. Runs on H2 and on PostgreSQL.
 */
abstract class SchemePagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Schemes schemes;

    Fixtures.Tree tree;
    Fixtures.Tree otherTree;
    Fixtures.Account admin;
    Fixtures.Account otherAdmin;
    Fixtures.Account secretary;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-organs-100");
        otherTree = fixtures.tree("changzhou-2021");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        otherAdmin = fixtures.account(Role.COMMITTEE_ADMIN, otherTree.committee().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url, Fixtures.Account who) throws Exception {
        return mvc.perform(get(url).with(who.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListShowsTheVersionsInScopeAndWhatEachUnitUses() throws Exception {
        String html = page("/schemes", secretary);
        assertThat(html).contains(tree.committee().name()).contains("市直机关在职党员“积分制”百分考核办法")
                .contains("沿用“" + tree.committee().name() + "”的方案")
                .doesNotContain(otherTree.committee().name())
                .doesNotContain("发布方案模板");
        assertThat(page("/schemes", admin)).contains("发布方案模板");
    }

    @Test
    void aVersionReadsInChineseWithEveryInterpretationMarked() throws Exception {
        String html = page("/schemes/" + tree.scheme().id(), secretary);
        assertThat(html).contains("基础项目").contains("逐项评定").contains("政治合格").contains("满分20分")
                .contains("每条记2分")
                .contains("考评期内前2次不扣分").contains("从“基础项目”中扣除，扣光为止")
                .contains("年度积分为0").contains("直接评定为“不合格”")
                .contains("108分以上").contains("高于70分、低于108分").contains("70分以下")
                .contains("组织生活次数不足").contains("领导班子成员少于12次")
                .contains("依据：减分项目16 请假缺席超过2次及以上的，每次记2分")
                .contains("下载方案文件");
        // the rule document by its title, never by the file it came in
        assertThat(html).contains(tree.scheme().scheme().source().heading()).doesNotContain(tree.scheme().scheme().source().file());
        int interpretations = tree.scheme().scheme().interpretations().size() + 1; // and DED_ABSENT_LEAVE's own
        assertThat(count(html, "class=\"mark-interpretation")).isEqualTo(interpretations);
    }

    @Test
    void interpretationsOfSectionsAndItemsAreMarkedToo() throws Exception {
        String html = page("/schemes/" + otherTree.scheme().id(), otherAdmin);
        long expected = Presets.text("changzhou-2021").orElseThrow().lines().filter(l -> l.strip().startsWith("interpretation:")).count()
                + otherTree.scheme().scheme().interpretations().size();
        assertThat(count(html, "class=\"mark-interpretation")).isEqualTo((int) expected).isGreaterThan(3);
        assertThat(html).contains(">解读<").contains("民主评议").contains("按完成比例");
    }

    @Test
    void nobodyReadsAVersionOutsideTheirScope() throws Exception {
        mvc.perform(get("/schemes/" + otherTree.scheme().id()).with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(get("/schemes/" + otherTree.scheme().id() + "/yaml").with(admin.request())).andExpect(status().isForbidden());
    }

    @Test
    void aMemberReadsTheSchemeTheirBranchInherits() throws Exception {
        long member = fixtures.member(tree.branch().id(), "王五");
        Fixtures.Account account = fixtures.memberAccount(member, tree.branch().id());
        assertThat(page("/schemes", account)).contains(tree.branch().name()).contains("沿用");
        assertThat(page("/schemes/" + tree.scheme().id(), account)).contains("政治合格");
        mvc.perform(get("/schemes/" + otherTree.scheme().id()).with(account.request())).andExpect(status().isForbidden());
    }

    @Test
    void theYamlDownloadIsTheVersionAsPublished() throws Exception {
        var response = mvc.perform(get("/schemes/" + tree.scheme().id() + "/yaml").with(secretary.request()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(Presets.text("city-organs-100").orElseThrow());
    }

    @Test
    void publishingAPresetMakesVersionOneThenTwo() throws Exception {
        int year = fixtures.year();
        var first = mvc.perform(post("/schemes/publish").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(year)).param("preset", "rules-15"))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(post("/schemes/publish").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(year)).param("preset", "star-rating"))
                .andExpect(status().is3xxRedirection());
        admin.signIn();
        List<PublishedScheme> versions = schemes.versions(tree.branch().id());
        assertThat(versions).extracting(PublishedScheme::versionNo).containsExactly(2, 1);
        assertThat(versions).extracting(PublishedScheme::presetId).containsExactly("star-rating", "rules-15");
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/schemes/" + versions.get(1).id());
        assertThat(first.getFlashMap().get("flash").toString()).contains("第1版");
        assertThat(schemes.effective(tree.branch().id(), year)).map(PublishedScheme::id).contains(versions.get(0).id());
    }

    @Test
    void publishingNeedsTheRightInTheUnit() throws Exception {
        mvc.perform(post("/schemes/publish").with(secretary.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(fixtures.year())).param("preset", "rules-15"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/schemes/publish").with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(post("/schemes/publish").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(otherTree.branch().id())).param("year", String.valueOf(fixtures.year())).param("preset", "rules-15"))
                .andExpect(status().isForbidden());
        otherAdmin.signIn();
        assertThat(schemes.versions(otherTree.branch().id())).isEmpty();
    }

    @Test
    void thePublishFormOffersThePresetsAndShowsMistakesBesideTheFields() throws Exception {
        String form = page("/schemes/publish", admin);
        assertThat(form).contains("市直机关在职党员“积分制”百分考核办法").contains("city-organs-100").contains(tree.branch().name())
                .doesNotContain(otherTree.branch().name());
        String refused = mvc.perform(post("/schemes/publish").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", "1990").param("preset", "rules-15"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("年度应在").contains("is-invalid");
    }

    @Test
    void uploadingAndCopyingNeedTheRightInTheUnit() throws Exception {
        String yaml = Presets.text("branch-monthly").orElseThrow();
        mvc.perform(get("/schemes/upload").with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(get("/schemes/" + tree.scheme().id() + "/copy").with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(post("/schemes/upload").with(secretary.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(fixtures.year())).param("yaml", yaml))
                .andExpect(status().isForbidden());
        mvc.perform(post("/schemes/upload").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(otherTree.branch().id())).param("year", String.valueOf(fixtures.year())).param("yaml", yaml))
                .andExpect(status().isForbidden());
        mvc.perform(post("/schemes/" + tree.scheme().id() + "/copy").with(otherAdmin.request()).with(csrf())
                        .param("unitId", String.valueOf(otherTree.branch().id())).param("year", String.valueOf(fixtures.year())).param("yaml", yaml))
                .andExpect(status().isForbidden());
        mvc.perform(post("/schemes/" + tree.scheme().id() + "/copy").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(otherTree.branch().id())).param("year", String.valueOf(fixtures.year())).param("yaml", yaml))
                .andExpect(status().isForbidden());
        otherAdmin.signIn();
        assertThat(schemes.versions(otherTree.branch().id())).isEmpty();
        admin.signIn();
        assertThat(schemes.versions(tree.branch().id())).isEmpty();
    }

    @Test
    void aRejectedFileIsShownLineByLineWithItsProblems() throws Exception {
        String yaml = Presets.text("rules-15").orElseThrow();
        List<String> lines = yaml.lines().toList();
        int modeLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("mode: ACCRUE")) {
                modeLine = i + 1;
                break;
            }
        }
        assertThat(modeLine).isPositive();
        String broken = yaml.replaceFirst("mode: ACCRUE", "mode: ACCUMULATE");
        MockMultipartFile file = new MockMultipartFile("file", "mine.yaml", "application/yaml", broken.getBytes(StandardCharsets.UTF_8));
        String html = mvc.perform(multipart("/schemes/upload").file(file).with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(fixtures.year())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("第" + modeLine + "行").contains("id=\"L" + modeLine + "\"").contains("mode: ACCUMULATE")
                .contains("ACCRUE").contains("未发布");
        admin.signIn();
        assertThat(schemes.versions(tree.branch().id())).isEmpty();
    }

    @Test
    void aGoodFilePublishesAsAFileVersion() throws Exception {
        String yaml = Presets.text("branch-monthly").orElseThrow();
        MockMultipartFile file = new MockMultipartFile("file", "ok.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/schemes/upload").file(file).with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(fixtures.year())))
                .andExpect(status().is3xxRedirection());
        admin.signIn();
        assertThat(schemes.versions(tree.branch().id())).singleElement()
                .satisfies(v -> assertThat(v.sourceKind()).isEqualTo(PublishedScheme.SourceKind.FILE));
    }

    @Test
    void aCopyRecordsWhatItWasCopiedFrom() throws Exception {
        String editor = page("/schemes/" + tree.scheme().id() + "/copy", admin);
        assertThat(editor).contains("<textarea").contains("id: city-organs-100");
        String yaml = tree.scheme().yaml().replace("name: 市直机关在职党员“积分制”百分考核办法", "name: 第一支部积分办法");
        var result = mvc.perform(post("/schemes/" + tree.scheme().id() + "/copy").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(fixtures.year())).param("yaml", yaml))
                .andExpect(status().is3xxRedirection()).andReturn();
        admin.signIn();
        PublishedScheme copy = schemes.versions(tree.branch().id()).get(0);
        assertThat(copy.copiedFrom()).isEqualTo(tree.scheme().id());
        assertThat(copy.sourceKind()).isEqualTo(PublishedScheme.SourceKind.COPY);
        assertThat(copy.name()).isEqualTo("第一支部积分办法");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/schemes/" + copy.id());
        assertThat(page("/schemes/" + copy.id(), secretary)).contains("复制自").contains(tree.committee().name());
        assertThat(page("/schemes", secretary)).contains("复制自").contains("本组织发布");
    }

    @Test
    void aBrokenCopyKeepsTheTextAndShowsTheProblems() throws Exception {
        String yaml = tree.scheme().yaml().replace("max: 20, clause: 考核表 基础项目1", "max: 21, clause: 考核表 基础项目1");
        String html = mvc.perform(post("/schemes/" + tree.scheme().id() + "/copy").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("year", String.valueOf(fixtures.year())).param("yaml", yaml))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("各评定项满分合计101").contains("<textarea").contains("max: 21");
    }

    @Test
    void aPublishedVersionCannotBeChangedOrDeleted() throws Exception {
        mvc.perform(post("/schemes/" + tree.scheme().id()).with(admin.request()).with(csrf())).andExpect(status().is4xxClientError());
        mvc.perform(delete("/schemes/" + tree.scheme().id()).with(admin.request()).with(csrf())).andExpect(status().is4xxClientError());
        assertThat(page("/schemes/" + tree.scheme().id(), admin)).doesNotContain("删除").contains("不可修改");
    }

    @Test
    void aPresetReadsBeforeItIsPublished() throws Exception {
        assertThat(page("/schemes/presets/star-rating", admin)).contains("评星定级").contains("五星级");
        mvc.perform(get("/schemes/presets/nothing").with(admin.request())).andExpect(status().isNotFound());
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
