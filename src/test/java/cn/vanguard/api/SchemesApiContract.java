package cn.vanguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.vanguard.scheme.file.Presets;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

import tools.jackson.databind.json.JsonMapper;

/** Scheme versions through the API: what the caller may read, the one in effect for a unit, and publishing. */
abstract class SchemesApiContract extends ApiTesting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Fixtures.Tree tree;
    Fixtures.Tree elsewhere;
    String admin;
    String scorer;
    String secretary;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        elsewhere = fixtures.tree("city-direct-organs");
        admin = token(fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
        scorer = token(fixtures.account(Role.SCORER, tree.branch().id()));
        secretary = token(fixtures.account(Role.SECRETARY, tree.branch().id()));
    }

    @Test
    void listsTheVersionsThatConcernTheCaller() throws Exception {
        mvc.perform(getAs(scorer, "/api/v1/schemes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(UnitsApiContract.number(tree.scheme().id()))))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(UnitsApiContract.number(elsewhere.scheme().id())))))
                .andExpect(jsonPath("$[?(@.id == %d)].sourceKind", tree.scheme().id()).value(hasItem("PRESET")))
                .andExpect(jsonPath("$[0].yaml").doesNotExist());
    }

    @Test
    void aVersionComesWithItsItemsAndItsFile() throws Exception {
        mvc.perform(getAs(scorer, "/api/v1/schemes/{id}", tree.scheme().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.unitId").value(UnitsApiContract.id(tree.committee())))
                .andExpect(jsonPath("$.version.presetId").value("city-direct-organs"))
                .andExpect(jsonPath("$.yaml").value(containsString("id: city-direct-organs")))
                .andExpect(jsonPath("$.items[?(@.code == 'ACT_MEETING')].points").value(hasItem("1")))
                .andExpect(jsonPath("$.sections").isNotEmpty());
        mvc.perform(getAs(scorer, "/api/v1/schemes/{id}", elsewhere.scheme().id())).andExpect(status().isForbidden());
        mvc.perform(getAs(scorer, "/api/v1/schemes/{id}", Long.MAX_VALUE)).andExpect(status().isNotFound());
    }

    @Test
    void aBranchUsesItsCommitteesSchemeUntilItPublishesItsOwn() throws Exception {
        int year = fixtures.year();
        mvc.perform(getAs(scorer, "/api/v1/units/{id}/scheme?year={y}", tree.branch().id(), year))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.id").value(UnitsApiContract.number(tree.scheme().id())));
        mvc.perform(getAs(scorer, "/api/v1/units/{id}/scheme", tree.branch().id()))
                .andExpect(jsonPath("$.version.year").value(year));
        mvc.perform(getAs(scorer, "/api/v1/units/{id}/scheme?year={y}", tree.branch().id(), year - 5))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString((year - 5) + "年度")));
        mvc.perform(getAs(scorer, "/api/v1/units/{id}/scheme", elsewhere.branch().id())).andExpect(status().isForbidden());

        mvc.perform(json(admin, post("/api/v1/schemes"), """
                        {"unitId": %d, "year": %d, "preset": "branch-monthly"}""".formatted(tree.branch().id(), year)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/schemes/")))
                .andExpect(jsonPath("$.version.versionNo").value(1))
                .andExpect(jsonPath("$.version.sourceKind").value("PRESET"))
                .andExpect(jsonPath("$.items[0].code").value("M_MEETING"));
        mvc.perform(getAs(scorer, "/api/v1/units/{id}/scheme", tree.branch().id()))
                .andExpect(jsonPath("$.version.schemeId").value("branch-monthly"));
    }

    @Test
    void onlyThoseWhoPublishInTheUnitMayPublish() throws Exception {
        String body = """
                {"unitId": %d, "year": %d, "preset": "branch-monthly"}""";
        mvc.perform(json(secretary, post("/api/v1/schemes"), body.formatted(tree.branch().id(), fixtures.year())))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/schemes"), body.formatted(elsewhere.branch().id(), fixtures.year())))
                .andExpect(status().isForbidden());
        mvc.perform(json(admin, post("/api/v1/schemes"), """
                        {"unitId": %d, "year": %d, "preset": "branch-monthly", "yaml": "id: x"}""".formatted(tree.branch().id(),
                        fixtures.year())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.preset").value(containsString("二者选一")));
        mvc.perform(json(admin, post("/api/v1/schemes"), """
                        {"unitId": %d, "year": %d, "preset": "no-such-preset"}""".formatted(tree.branch().id(), fixtures.year())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.preset").value(containsString("no-such-preset")));
    }

    @Test
    void aRejectedFileListsEveryProblemWithLineAndPath() throws Exception {
        String text = Presets.text("branch-monthly").orElseThrow()
                .replace("evaluation: MONTH", "evaluation: WEEK")
                .replace("{ code: M_MEETING, name: 参加党员会议, points: 1,", "{ code: M_MEETING, name: 参加党员会议, points: lots,");
        int evaluationLine = lineOf(text, "evaluation: WEEK");
        String body = JSON.writeValueAsString(Map.of("unitId", tree.branch().id(), "year", fixtures.year(), "yaml", text,
                "copiedFrom", tree.scheme().id()));
        String problem = mvc.perform(json(admin, post("/api/v1/schemes"), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("方案文件未通过校验"))
                .andExpect(jsonPath("$.problems", hasSize(greaterThanOrEqualTo(2))))
                .andExpect(jsonPath("$.problems[*].path").value(hasItem("evaluation")))
                .andExpect(jsonPath("$.problems[?(@.path == 'evaluation')].line").value(hasItem(evaluationLine)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<?> problems = (List<?>) JSON.readValue(problem, Map.class).get("problems");
        assertThat(problems).allSatisfy(p -> assertThat(((Map<?, ?>) p).keySet().stream().map(String::valueOf).toList())
                .contains("line", "path", "message", "messageEn"));
        mvc.perform(getAs(scorer, "/api/v1/units/{id}/scheme", tree.branch().id()))
                .andExpect(jsonPath("$.version.id").value(UnitsApiContract.number(tree.scheme().id())));
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment);
    }
}
