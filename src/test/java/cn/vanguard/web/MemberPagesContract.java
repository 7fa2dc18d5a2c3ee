package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** The member pages: search with and without htmx, a member's page, and the create, edit and transfer forms. */
abstract class MemberPagesContract {

    /** A committee with two branches, without a scheme: enough for the organisation pages. */
    record Tree(Unit committee, Unit branch, Unit otherBranch) {
        static Tree of(Fixtures fixtures) {
            Unit committee = fixtures.unit(null, "测试党委", UnitKind.COMMITTEE);
            return new Tree(committee, fixtures.unit(committee.id(), "第一支部", UnitKind.BRANCH),
                    fixtures.unit(committee.id(), "第二支部", UnitKind.BRANCH));
        }
    }

    static final String ID_CARD = "110105198505010028";

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;

    Tree tree;
    long zhang;
    long li;
    Fixtures.Account admin;
    Fixtures.Account otherAdmin;
    Fixtures.Account secretary;

    @BeforeEach
    void organisation() {
        tree = Tree.of(fixtures);
        zhang = fixtures.member(tree.branch().id(), "张三");
        li = fixtures.member(tree.otherBranch().id(), "李四", MemberType.PROBATIONARY, Category.RETIRED);
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        otherAdmin = fixtures.account(Role.COMMITTEE_ADMIN, fixtures.unit(null, "别的党委", UnitKind.COMMITTEE).id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private MemberRecord member(long id) {
        return members.find(id).orElseThrow();
    }

    @Test
    void theListIsAFullPageAndOnlyItsRowsForHtmx() throws Exception {
        MockHttpServletRequestBuilder list = get("/members").param("unitId", String.valueOf(tree.committee().id())).with(admin.request());
        mvc.perform(list)
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("hx-get")))
                .andExpect(content().string(containsString("张三")))
                .andExpect(content().string(containsString("李四")));
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.committee().id())).param("type", "PROBATIONARY")
                        .header("HX-Request", "true").with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("navbar"))))
                .andExpect(content().string(containsString("id=\"member-rows\"")))
                .andExpect(content().string(containsString("李四")))
                .andExpect(content().string(not(containsString("张三"))))
                .andExpect(content().string(containsString("/members/export?unitId=" + tree.committee().id() + "&amp;type=PROBATIONARY")));
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.committee().id())).header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true").with(admin.request()))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void filtersBySubtreeTextCategoryAndStatus() throws Exception {
        String code = member(zhang).code();
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.branch().id())).with(admin.request()))
                .andExpect(content().string(containsString("张三"))).andExpect(content().string(not(containsString("李四"))));
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.committee().id())).param("text", code).with(admin.request()))
                .andExpect(content().string(containsString("张三"))).andExpect(content().string(not(containsString("李四"))));
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.committee().id())).param("category", "RETIRED").with(admin.request()))
                .andExpect(content().string(containsString("李四"))).andExpect(content().string(not(containsString("张三"))));
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.committee().id())).param("status", "EXEMPT").with(admin.request()))
                .andExpect(content().string(containsString("没有符合条件的党员")));
    }

    @Test
    void membersOutsideTheScopeAreNeitherListedNorShown() throws Exception {
        mvc.perform(get("/members").with(otherAdmin.request()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(member(zhang).code()))));
        mvc.perform(get("/members").param("unitId", String.valueOf(tree.committee().id())).with(otherAdmin.request()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/members/{id}", zhang).with(otherAdmin.request())).andExpect(status().isForbidden());
        mvc.perform(get("/members/{id}", li).with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(get("/members/{id}/edit", zhang).with(otherAdmin.request())).andExpect(status().isForbidden());
        mvc.perform(get("/members/{id}/transfer", zhang).with(secretary.request())).andExpect(status().isForbidden());
    }

    @Test
    void aMemberSeesTheirOwnRecordButNotTheRoster() throws Exception {
        Fixtures.Account own = fixtures.memberAccount(zhang, tree.branch().id());
        mvc.perform(get("/members").with(own.request())).andExpect(status().isForbidden());
        mvc.perform(get("/members/{id}", zhang).with(own.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/members/" + zhang + "/score")))
                .andExpect(content().string(not(containsString("/members/" + zhang + "/edit"))));
        mvc.perform(get("/members/{id}", li).with(own.request())).andExpect(status().isForbidden());
    }

    @Test
    void aMembersPageShowsEveryFieldWithTheIdCardMaskedAndTheTransfers() throws Exception {
        admin.signIn();
        MemberRecord before = member(zhang);
        members.update(zhang, new MemberForm(before.code(), before.name(), before.gender(), before.birthDate(), ID_CARD,
                "13800138000", before.joinedOn(), before.type(), before.category(), before.status(), null), before.version());
        members.transfer(zhang, tree.otherBranch().id(), LocalDate.of(fixtures.year(), 1, 5), "工作调动");
        mvc.perform(get("/members/{id}", zhang).with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1101**********0028")))
                .andExpect(content().string(not(containsString(ID_CARD))))
                .andExpect(content().string(containsString("13800138000")))
                .andExpect(content().string(containsString("1985-05-01")))
                .andExpect(content().string(containsString("2010-07-01")))
                .andExpect(content().string(containsString("在职")))
                .andExpect(content().string(containsString("工作调动")))
                .andExpect(content().string(containsString(tree.branch().name())))
                .andExpect(content().string(containsString("/members/" + zhang + "/transfer")));
        mvc.perform(get("/members/{id}", zhang).with(fixtures.account(Role.SCORER, tree.committee().id()).request()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/members/" + zhang + "/edit"))));
    }

    @Test
    void createsAMemberAndShowsMistakesBesideTheFields() throws Exception {
        mvc.perform(post("/members").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("name", "").param("type", "FORMAL")
                        .param("idCard", "110105198505010029").param("phone", "电话"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("身份证号码校验位不正确")))
                .andExpect(content().string(containsString("联系电话只能包含数字")));
        // a valid number that contradicts the birth date and gender typed: both named, nothing saved
        mvc.perform(post("/members").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("name", "赵六").param("type", "FORMAL")
                        .param("gender", "MALE").param("birthDate", "1985-05-10").param("idCard", ID_CARD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("出生日期1985年5月10日与身份证号码中的出生日期1985年5月1日不一致，请核对出生日期或身份证号码")))
                .andExpect(content().string(containsString("性别“男”与身份证号码（第17位为偶数，表示女性）不一致，请核对性别或身份证号码")));
        mvc.perform(post("/members").with(secretary.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("name", "王五").param("type", "FORMAL"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/members/new").with(admin.request()).param("unitId", String.valueOf(tree.branch().id())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-once")));
        String name = Fixtures.unique("王五");
        mvc.perform(post("/members").with(admin.request()).with(csrf())
                        .param("unitId", String.valueOf(tree.branch().id())).param("name", name).param("type", "PROBATIONARY")
                        .param("gender", "FEMALE").param("birthDate", "1985-05-01").param("idCard", ID_CARD).param("joinedOn", "2025-06-01")
                        .param("category", "MOBILE").param("status", "ACTIVE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/members/*"));
        admin.signIn();
        MemberRecord created = members.search(new Members.Query(tree.branch().id(), name, null, null, null), 5).get(0);
        assertThat(created.idCardMasked()).isEqualTo("1101**********0028");
        assertThat(created.type()).isEqualTo(MemberType.PROBATIONARY);
        assertThat(created.category()).isEqualTo(Category.MOBILE);
    }

    @Test
    void editingKeepsTheStoredIdCardWhenLeftEmptyAndRefusesAStaleVersion() throws Exception {
        admin.signIn();
        MemberRecord before = member(zhang);
        members.update(zhang, new MemberForm(before.code(), before.name(), before.gender(), before.birthDate(), ID_CARD,
                null, before.joinedOn(), before.type(), before.category(), before.status(), null), before.version());
        MemberRecord stored = member(zhang);
        mvc.perform(get("/members/{id}/edit", zhang).with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已登记：1101**********0028")))
                .andExpect(content().string(not(containsString(ID_CARD))));
        mvc.perform(post("/members/{id}/edit", zhang).with(admin.request()).with(csrf())
                        .param("code", stored.code()).param("name", "张三丰").param("type", "FORMAL").param("category", "LEADER")
                        .param("status", "EXEMPT").param("idCard", "").param("version", String.valueOf(stored.version())))
                .andExpect(status().is3xxRedirection());
        MemberRecord after = member(zhang);
        assertThat(after.name()).isEqualTo("张三丰");
        assertThat(after.status()).isEqualTo(MemberStatus.EXEMPT);
        assertThat(after.idCardMasked()).isEqualTo("1101**********0028");
        mvc.perform(post("/members/{id}/edit", zhang).with(admin.request()).with(csrf())
                        .param("code", stored.code()).param("name", "张三").param("type", "FORMAL").param("version", String.valueOf(stored.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("其他人修改了该党员的信息")));
        mvc.perform(post("/members/{id}/edit", zhang).with(admin.request()).with(csrf())
                        .param("code", stored.code()).param("name", "张三").param("type", "FORMAL").param("joinedOn", "2099-01-01")
                        .param("version", String.valueOf(after.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入党日期不能晚于今天")));
        assertThat(member(zhang).name()).isEqualTo("张三丰");
    }

    @Test
    void aStaleEditSaysSomeoneElseChangedTheMemberAndKeepsEverythingTyped() throws Exception {
        MemberRecord opened = member(zhang);
        admin.signIn();
        members.update(zhang, new MemberForm(opened.code(), "张三", opened.gender(), opened.birthDate(), null, "13800000001",
                opened.joinedOn(), opened.type(), opened.category(), opened.status(), null), opened.version());
        SignIn.out();
        String html = mvc.perform(post("/members/{id}/edit", zhang).with(admin.request()).with(csrf())
                        .param("code", opened.code()).param("name", "张小三").param("type", "PROBATIONARY").param("category", "RETIRED")
                        .param("phone", "13912345678").param("joinedOn", "2011-07-01").param("idCard", ID_CARD)
                        .param("version", String.valueOf(opened.version())))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("其他人修改了该党员的信息", "为免覆盖他人的修改", "在新窗口打开最新信息")
                .doesNotContain("请修改标红的内容")
                .contains("value=\"张小三\"", "value=\"13912345678\"", "value=\"2011-07-01\"", "value=\"" + ID_CARD + "\"")
                .contains("name=\"version\" value=\"" + opened.version() + "\"");
        assertThat(html).containsPattern("value=\"PROBATIONARY\"\\s+selected").containsPattern("value=\"RETIRED\"\\s+selected");
        MemberRecord now = member(zhang);
        assertThat(now.name()).isEqualTo("张三");
        assertThat(now.phone()).isEqualTo("13800000001");
        assertThat(now.version()).isEqualTo(opened.version() + 1);
    }

    @Test
    void transfersAMemberAndKeepsTheHistory() throws Exception {
        mvc.perform(get("/members/{id}/transfer", zhang).with(admin.request()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tree.otherBranch().name())));
        mvc.perform(post("/members/{id}/transfer", zhang).with(admin.request()).with(csrf()).param("toUnitId", "").param("on", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择转入的组织")));
        mvc.perform(post("/members/{id}/transfer", zhang).with(admin.request()).with(csrf())
                        .param("toUnitId", String.valueOf(tree.otherBranch().id())).param("on", fixtures.year() + "-02-01").param("reason", "支部调整"))
                .andExpect(status().is3xxRedirection());
        assertThat(member(zhang).unitId()).isEqualTo(tree.otherBranch().id());
        admin.signIn();
        assertThat(members.transfers(zhang)).singleElement().satisfies(t -> {
            assertThat(t.reason()).isEqualTo("支部调整");
            assertThat(t.fromUnit()).isEqualTo(tree.branch().name());
        });
        Unit elsewhere = fixtures.unit(null, "别处党委", UnitKind.COMMITTEE);
        mvc.perform(post("/members/{id}/transfer", zhang).with(admin.request()).with(csrf())
                        .param("toUnitId", String.valueOf(elsewhere.id())).param("on", fixtures.year() + "-02-02"))
                .andExpect(status().isForbidden());
    }
}
