package cn.vanguard.api;

import static cn.vanguard.api.UnitsApiContract.id;
import static cn.vanguard.api.UnitsApiContract.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.vanguard.org.IdCards;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/** The roster through the API: search, details, changes and transfers within the caller's scope; ID-card numbers masked. */
abstract class MembersApiContract extends ApiTesting {

    static final String ID_CARD = "11010519491231002X";

    Fixtures.Tree tree;
    Fixtures.Tree elsewhere;
    long member;
    long stranger;
    String admin;
    String scorer;
    String own;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        elsewhere = fixtures.tree("city-direct-organs");
        member = fixtures.member(tree.branch().id(), "张三");
        stranger = fixtures.member(elsewhere.branch().id(), "李四");
        admin = token(fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
        scorer = token(fixtures.account(Role.SCORER, tree.branch().id()));
        own = token(fixtures.memberAccount(member, tree.branch().id()));
    }

    @Test
    void searchesOnlyMembersInScope() throws Exception {
        mvc.perform(getAs(scorer, "/api/v1/members?unitId={u}", tree.branch().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains(number(member))))
                .andExpect(jsonPath("$[0].typeLabel").value("正式党员"))
                .andExpect(jsonPath("$[0].unitName").value(tree.branch().name()));
        mvc.perform(getAs(admin, "/api/v1/members?q=李四&limit=1000"))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(number(stranger)))));
        mvc.perform(getAs(admin, "/api/v1/members?unitId={u}&type=ACTIVIST", tree.branch().id()))
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(getAs(scorer, "/api/v1/members?unitId={u}", elsewhere.branch().id()))
                .andExpect(status().isForbidden());
        mvc.perform(getAs(scorer, "/api/v1/members?type=MEMBER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("参数格式不对"))
                .andExpect(jsonPath("$.errors.type").value(containsString("FORMAL、PROBATIONARY、ACTIVIST")));
        mvc.perform(getAs(scorer, "/api/v1/members?limit=5000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.limit").exists());
    }

    @Test
    void returnsTheIdCardNumberOnlyMasked() throws Exception {
        assertThat(IdCards.problem(ID_CARD)).isNull();
        String created = mvc.perform(json(admin, post("/api/v1/members"), """
                        {"name": "王五", "gender": "FEMALE", "birthDate": "1949-12-31", "idCard": "%s", "joinedOn": "2005-07-01",
                         "type": "FORMAL", "unitId": %d}""".formatted(ID_CARD, tree.branch().id())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/members/")))
                .andExpect(jsonPath("$.idCardMasked").value("1101**********002X"))
                .andExpect(jsonPath("$.category").value("IN_SERVICE"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.birthDate").value("1949-12-31"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(created).doesNotContain(ID_CARD).doesNotContain("idCard\"");
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String read = mvc.perform(getAs(scorer, "/api/v1/members/{id}", id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(read).contains("1101**********002X").doesNotContain(ID_CARD);
    }

    @Test
    void createsMembersOnlyInUnitsTheCallerManages() throws Exception {
        mvc.perform(json(admin, post("/api/v1/members"), """
                        {"name": "", "type": "FORMAL", "unitId": %d, "idCard": "110105194912310021"}""".formatted(tree.branch().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("提交的内容有误"))
                .andExpect(jsonPath("$.errors.name").value("请填写姓名"))
                .andExpect(jsonPath("$.errors.idCard").value(containsString("校验位")));
        mvc.perform(json(admin, post("/api/v1/members"), """
                        {"name": "越界", "type": "FORMAL", "unitId": %d}""".formatted(elsewhere.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(json(scorer, post("/api/v1/members"), """
                        {"name": "越权", "type": "FORMAL", "unitId": %d}""".formatted(tree.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/members"), """
                        {"name": "日期", "type": "FORMAL", "unitId": %d, "joinedOn": "2020/01/01"}""".formatted(tree.branch().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求体无法解析"))
                .andExpect(jsonPath("$.errors.joinedOn").value(containsString("yyyy-MM-dd")));
    }

    @Test
    void aTakenCodeNamesItsHolderOnlyToWhoeverMaySeeThem() throws Exception {
        String strangerCode = fixtures.jdbc().sql("select code from member where id = :id").param("id", stranger).query(String.class).single();
        String memberCode = fixtures.jdbc().sql("select code from member where id = :id").param("id", member).query(String.class).single();
        String body = """
                {"name": "新人", "type": "FORMAL", "unitId": %d, "code": "%s"}""";
        String answer = mvc.perform(json(admin, post("/api/v1/members"), body.formatted(tree.branch().id(), strangerCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("党员编号“" + strangerCode + "”已被其他党员使用"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain("李四");
        mvc.perform(json(admin, post("/api/v1/members"), body.formatted(tree.branch().id(), memberCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("党员编号“" + memberCode + "”已被张三使用"));
        mvc.perform(json(admin, put("/api/v1/members/{id}", fixtures.member(tree.branch().id(), "赵六")), """
                        {"name": "赵六", "type": "FORMAL", "code": "%s", "version": 0}""".formatted(strangerCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value(not(containsString("李四"))));
        // a plain member may not create members at all, so cannot probe codes, with or without a unit
        for (String probe : new String[] {"{\"name\": \"探\", \"type\": \"FORMAL\", \"code\": \"%s\"}".formatted(strangerCode),
                body.formatted(tree.branch().id(), strangerCode), body.formatted(elsewhere.branch().id(), strangerCode)}) {
            String refused = mvc.perform(json(own, post("/api/v1/members"), probe)).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).doesNotContain("李四").doesNotContain(strangerCode);
        }
        mvc.perform(json(scorer, post("/api/v1/members"), "{\"name\": \"探\", \"type\": \"FORMAL\", \"code\": \"%s\"}"
                .formatted(memberCode))).andExpect(status().isForbidden());
    }

    @Test
    void updatesWithTheVersionReadAndRefusesAStaleOne() throws Exception {
        String body = """
                {"name": "张三丰", "type": "PROBATIONARY", "category": "RETIRED", "phone": "13800000000", "version": %d}""";
        mvc.perform(json(admin, put("/api/v1/members/{id}", member), body.formatted(0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("张三丰"))
                .andExpect(jsonPath("$.type").value("PROBATIONARY"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(admin, put("/api/v1/members/{id}", member), body.formatted(0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("操作冲突"))
                .andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        mvc.perform(json(scorer, put("/api/v1/members/{id}", member), body.formatted(1))).andExpect(status().isForbidden());
        mvc.perform(json(admin, put("/api/v1/members/{id}", stranger), body.formatted(0))).andExpect(status().isForbidden());
        mvc.perform(json(admin, put("/api/v1/members/{id}", member), "{\"name\": \"张三\", \"type\": \"FORMAL\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").exists());
    }

    @Test
    void transfersKeepTheHistoryAndNeedBothUnitsInScope() throws Exception {
        mvc.perform(json(admin, post("/api/v1/members/{id}/transfer", member), """
                        {"toUnitId": %d, "on": "2026-03-01", "reason": "工作调动"}""".formatted(tree.otherBranch().id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value(id(tree.otherBranch())));
        mvc.perform(getAs(admin, "/api/v1/members/{id}/transfers", member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fromUnit").value(tree.branch().name()))
                .andExpect(jsonPath("$[0].toUnit").value(tree.otherBranch().name()))
                .andExpect(jsonPath("$[0].on").value("2026-03-01"));
        mvc.perform(json(admin, post("/api/v1/members/{id}/transfer", member), """
                        {"toUnitId": %d, "on": "2026-04-01"}""".formatted(elsewhere.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(json(scorer, post("/api/v1/members/{id}/transfer", member), """
                        {"toUnitId": %d, "on": "2026-04-01"}""".formatted(tree.branch().id())))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/members/{id}/transfer", member), """
                        {"toUnitId": %d}""".formatted(tree.branch().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.on").value("请填写转接日期"));
    }

    @Test
    void aMemberSeesTheirOwnRecordButNoOneElses() throws Exception {
        mvc.perform(getAs(own, "/api/v1/members/{id}", member)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("张三"));
        long colleague = fixtures.member(tree.branch().id(), "赵六");
        mvc.perform(getAs(own, "/api/v1/members/{id}", colleague)).andExpect(status().isForbidden());
        mvc.perform(getAs(own, "/api/v1/members")).andExpect(status().isForbidden());
        mvc.perform(getAs(admin, "/api/v1/members/{id}", Long.MAX_VALUE)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("党员不存在"));
    }
}
