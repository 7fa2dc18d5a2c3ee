package cn.vanguard.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/** The unit tree through the API: each caller sees and changes only the units in their scope. */
abstract class UnitsApiContract extends ApiTesting {

    Fixtures.Tree tree;
    Fixtures.Tree elsewhere;
    String admin;
    String scorer;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        elsewhere = fixtures.tree("city-direct-organs");
        admin = token(fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
        scorer = token(fixtures.account(Role.SCORER, tree.branch().id()));
    }

    @Test
    void listsTheUnitsInScopeInTreeOrder() throws Exception {
        mvc.perform(getAs(admin, "/api/v1/units"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].id").value(contains(id(tree.committee()), id(tree.branch()), id(tree.otherBranch()))))
                .andExpect(jsonPath("$[0].kind").value("COMMITTEE"))
                .andExpect(jsonPath("$[0].kindLabel").value("党委"))
                .andExpect(jsonPath("$[1].parentId").value(id(tree.committee())))
                .andExpect(jsonPath("$[1].depth").value(1));
        mvc.perform(getAs(scorer, "/api/v1/units"))
                .andExpect(jsonPath("$[*].id").value(contains(id(tree.branch()))));
    }

    @Test
    void aUnitOutsideTheScopeIs403AndAMissingOneIs404() throws Exception {
        mvc.perform(getAs(scorer, "/api/v1/units/{id}", tree.branch().id()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(tree.branch().name()));
        mvc.perform(getAs(scorer, "/api/v1/units/{id}", tree.otherBranch().id()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("无权操作"))
                .andExpect(jsonPath("$.instance").value("/api/v1/units/" + tree.otherBranch().id()));
        mvc.perform(getAs(admin, "/api/v1/units/{id}", elsewhere.committee().id())).andExpect(status().isForbidden());
        mvc.perform(getAs(admin, "/api/v1/units/{id}", Long.MAX_VALUE))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("组织不存在"));
        mvc.perform(get("/api/v1/units/{id}", Long.MAX_VALUE).header("Authorization", "Bearer " + admin).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(getAs(admin, "/api/v1/units/abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.id").value(containsString("整数")));
    }

    @Test
    void createsUnitsOnlyUnderUnitsTheCallerManages() throws Exception {
        String name = Fixtures.unique("第三支部");
        mvc.perform(json(admin, post("/api/v1/units"), """
                        {"parentId": %d, "name": "%s", "kind": "BRANCH"}""".formatted(tree.committee().id(), name)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/units/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.parentId").value(id(tree.committee())))
                .andExpect(jsonPath("$.closed").value(false));
        mvc.perform(json(admin, post("/api/v1/units"), """
                        {"parentId": %d, "name": "越界", "kind": "BRANCH"}""".formatted(elsewhere.committee().id())))
                .andExpect(status().isForbidden());
        mvc.perform(json(scorer, post("/api/v1/units"), """
                        {"parentId": %d, "name": "越权", "kind": "GROUP"}""".formatted(tree.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/units"), """
                        {"name": "新党委", "kind": "COMMITTEE"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/units"), """
                        {"parentId": %d, "name": "x", "kind": "CLUB"}""".formatted(tree.committee().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").value(containsString("BRANCH")));
    }

    @Test
    void renamesAndMovesInsideTheScope() throws Exception {
        Unit group = fixtures.unit(tree.branch().id(), "第一党小组", UnitKind.GROUP);
        String renamed = Fixtures.unique("学习小组");
        mvc.perform(json(admin, patch("/api/v1/units/{id}", group.id()), "{\"name\": \"" + renamed + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(renamed))
                .andExpect(jsonPath("$.kind").value("GROUP"));
        mvc.perform(json(admin, patch("/api/v1/units/{id}", tree.otherBranch().id()), "{\"name\": \"" + tree.branch().name() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("已有名为")));
        mvc.perform(json(scorer, patch("/api/v1/units/{id}", group.id()), "{\"name\": \"改名\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(json(admin, post("/api/v1/units/{id}/move", group.id()), "{\"parentId\": " + tree.otherBranch().id() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(id(tree.otherBranch())));
        mvc.perform(json(admin, post("/api/v1/units/{id}/move", group.id()), "{\"parentId\": " + elsewhere.branch().id() + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/units/{id}/move", group.id()), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.parentId").value("请选择新的上级组织"));
    }

    @Test
    void closesOnlyAUnitWithoutMembers() throws Exception {
        fixtures.member(tree.branch().id(), "张三");
        mvc.perform(as(admin, post("/api/v1/units/{id}/close", tree.branch().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("还有1名党员")));
        Unit empty = fixtures.unit(tree.committee().id(), "空支部", UnitKind.BRANCH);
        mvc.perform(as(scorer, post("/api/v1/units/{id}/close", empty.id()))).andExpect(status().isForbidden());
        mvc.perform(as(admin, post("/api/v1/units/{id}/close", empty.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
        mvc.perform(getAs(admin, "/api/v1/units"))
                .andExpect(jsonPath("$[*].id").value(hasItem(id(empty))))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(id(elsewhere.committee())))));
    }

    /** JSON numbers come back as Integer when small; compare as the JSON has them. */
    static Object id(Unit unit) {
        return number(unit.id());
    }

    static Object number(long value) {
        return value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }
}
