package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.web.MemberPagesContract.Tree;

/** The unit pages: the tree in scope, and creating, renaming, moving and closing units through the forms. */
abstract class UnitPagesContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;

    Tree tree;
    Fixtures.Account admin;
    Fixtures.Account otherAdmin;
    Fixtures.Account secretary;

    @BeforeEach
    void organisation() {
        tree = Tree.of(fixtures);
        fixtures.member(tree.branch().id(), "张三");
        fixtures.member(tree.branch().id(), "李四");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        otherAdmin = fixtures.account(Role.COMMITTEE_ADMIN, fixtures.unit(null, "别的党委", UnitKind.COMMITTEE).id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
    }

    @Test
    void theTreeShowsKindsAndMemberCountsOfTheUnitsInScope() throws Exception {
        mvc.perform(get("/units").with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tree.committee().name())))
                .andExpect(content().string(containsString(tree.otherBranch().name())))
                .andExpect(content().string(containsString("党支部")))
                .andExpect(content().string(containsString("2名")))
                .andExpect(content().string(containsString("新建组织")));
        mvc.perform(get("/units").with(otherAdmin.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(tree.committee().name()))));
    }

    @Test
    void aUnitPageIsDeniedOutsideTheScope() throws Exception {
        mvc.perform(get("/units/{id}", tree.branch().id()).with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/members?unitId=" + tree.branch().id())));
        mvc.perform(get("/units/{id}", tree.branch().id()).with(otherAdmin.request())).andExpect(status().isForbidden());
        mvc.perform(get("/units/{id}", tree.committee().id()).with(secretary.request())).andExpect(status().isForbidden());
        long member = fixtures.member(tree.branch().id(), "王五");
        mvc.perform(get("/units").with(fixtures.memberAccount(member, tree.branch().id()).request())).andExpect(status().isForbidden());
    }

    @Test
    void aSecretarySeesTheBranchButCannotChangeIt() throws Exception {
        mvc.perform(get("/units/{id}", tree.branch().id()).with(secretary.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("撤销组织"))))
                .andExpect(content().string(not(containsString("/edit"))));
        mvc.perform(post("/units/{id}/edit", tree.branch().id()).with(secretary.request()).with(csrf())
                        .param("name", "改名").param("kind", "BRANCH"))
                .andExpect(status().isForbidden());
        assertThat(units.get(tree.branch().id()).name()).isEqualTo(tree.branch().name());
    }

    @Test
    void createsAUnitUnderAParentAndShowsMistakesBesideTheFields() throws Exception {
        mvc.perform(post("/units").with(admin.request()).with(csrf())
                        .param("parentId", String.valueOf(tree.committee().id())).param("name", " ").param("kind", "BRANCH"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写组织名称")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/units").with(admin.request()).with(csrf())
                        .param("parentId", String.valueOf(tree.committee().id())).param("name", tree.branch().name()).param("kind", "BRANCH"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同一上级组织下已有名为")));
        String name = Fixtures.unique("第三党支部");
        mvc.perform(post("/units").with(admin.request()).with(csrf())
                        .param("parentId", String.valueOf(tree.committee().id())).param("name", name).param("kind", "BRANCH"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/units/*"));
        assertThat(units.children(tree.committee().id())).extracting(Unit::name).contains(name);
    }

    @Test
    void onlyTheSystemAdministratorCreatesTopUnits() throws Exception {
        String name = Fixtures.unique("顶级党委");
        mvc.perform(post("/units").with(admin.request()).with(csrf()).param("parentId", "").param("name", name).param("kind", "COMMITTEE"))
                .andExpect(status().isForbidden());
        Fixtures.Account system = fixtures.account(Role.SYSTEM_ADMIN, null);
        mvc.perform(get("/units").with(system.request()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新建顶级组织")));
        mvc.perform(post("/units").with(system.request()).with(csrf()).param("parentId", "").param("name", name).param("kind", "COMMITTEE"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void renamesAndChangesTheKind() throws Exception {
        Unit group = fixtures.unit(tree.branch().id(), "第一党小组", UnitKind.GROUP);
        String name = Fixtures.unique("第一小组");
        mvc.perform(post("/units/{id}/edit", group.id()).with(admin.request()).with(csrf()).param("name", name).param("kind", "BRANCH"))
                .andExpect(status().is3xxRedirection());
        assertThat(units.get(group.id())).satisfies(u -> {
            assertThat(u.name()).isEqualTo(name);
            assertThat(u.kind()).isEqualTo(UnitKind.BRANCH);
        });
        mvc.perform(post("/units/{id}/edit", group.id()).with(admin.request()).with(csrf()).param("name", "").param("kind", "BRANCH"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写组织名称")));
        mvc.perform(post("/units/{id}/edit", group.id()).with(otherAdmin.request()).with(csrf()).param("name", "x").param("kind", "BRANCH"))
                .andExpect(status().isForbidden());
    }

    @Test
    void movesAUnitWithinTheScopeButNotUnderItself() throws Exception {
        Unit group = fixtures.unit(tree.branch().id(), "第一党小组", UnitKind.GROUP);
        mvc.perform(get("/units/{id}", group.id()).with(admin.request()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tree.otherBranch().name())));
        mvc.perform(post("/units/{id}/move", group.id()).with(admin.request()).with(csrf()).param("parentId", String.valueOf(tree.otherBranch().id())))
                .andExpect(status().is3xxRedirection());
        assertThat(units.get(group.id()).parentId()).isEqualTo(tree.otherBranch().id());
        assertThat(units.get(group.id()).within(tree.otherBranch())).isTrue();

        mvc.perform(post("/units/{id}/move", tree.otherBranch().id()).with(admin.request()).with(csrf()).param("parentId", String.valueOf(group.id())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能把组织移到它自己或它的下级组织之下")));
        mvc.perform(post("/units/{id}/move", group.id()).with(admin.request()).with(csrf()).param("parentId", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择新的上级组织")));
        Unit elsewhere = fixtures.unit(null, "别处党委", UnitKind.COMMITTEE);
        mvc.perform(post("/units/{id}/move", group.id()).with(admin.request()).with(csrf()).param("parentId", String.valueOf(elsewhere.id())))
                .andExpect(status().isForbidden());
    }

    @Test
    void closingAsksForConfirmationAndRefusesAUnitThatStillHasMembers() throws Exception {
        mvc.perform(get("/units/{id}/close", tree.branch().id()).with(admin.request()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("确定要撤销吗")));
        mvc.perform(get("/units/{id}/close", tree.branch().id()).with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(post("/units/{id}/close", tree.branch().id()).with(admin.request()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("还有2名党员，请先转出后再撤销")));
        assertThat(units.get(tree.branch().id()).closed()).isFalse();

        mvc.perform(post("/units/{id}/close", tree.otherBranch().id()).with(admin.request()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(units.get(tree.otherBranch().id()).closed()).isTrue();
        mvc.perform(get("/units").with(admin.request())).andExpect(content().string(containsString("已撤销")));
    }
}
