package cn.vanguard.api;

import static cn.vanguard.api.UnitsApiContract.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.review.Review;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** Live scores through the API: a unit's ranking for those who may view scores, a member's score with its explanation. */
abstract class ScoresApiContract extends ApiTesting {

    @Autowired
    Ledger ledger;
    @Autowired
    Review review;

    Fixtures.Tree tree;
    Fixtures.Tree elsewhere;
    long first;
    long second;
    String scorer;
    String strangerScorer;
    String firstOwn;
    String secondOwn;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        elsewhere = fixtures.tree("city-direct-organs");
        first = fixtures.member(tree.branch().id(), "张三");
        second = fixtures.member(tree.branch().id(), "李四");
        Fixtures.Account scorerAccount = fixtures.account(Role.SCORER, tree.branch().id());
        Fixtures.Account secretaryAccount = fixtures.account(Role.SECRETARY, tree.branch().id());
        scorer = token(scorerAccount);
        strangerScorer = token(fixtures.account(Role.SCORER, elsewhere.branch().id()));
        firstOwn = token(fixtures.memberAccount(first, tree.branch().id()));
        secondOwn = token(fixtures.memberAccount(second, tree.branch().id()));
        LocalDate day = LocalDate.of(fixtures.year(), 1, 10);
        scorerAccount.signIn();
        LedgerEntry meeting = ledger.record(new NewEntry(first, "ACT_MEETING", day, null, null, null, "支部党员大会", null), List.of(),
                Fixtures.unique("k"));
        LedgerEntry study = ledger.record(new NewEntry(first, "ACT_STUDY", day, null, null, null, "集中学习", null), List.of(),
                Fixtures.unique("k"));
        secretaryAccount.signIn();
        review.approve(meeting.id(), meeting.version());
        review.approve(study.id(), study.version());
        SignIn.out();
    }

    @Test
    void aRankingComesAPageAtATimeWithTheTotalCountSortedSearchedAndFiltered() throws Exception {
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}&size=1", tree.branch().id(), fixtures.year()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.rows[*].memberId").value(contains(number(first))));
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}&size=1&page=2", tree.branch().id(), fixtures.year()))
                .andExpect(jsonPath("$.rows[*].memberId").value(contains(number(second))));
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}&sort=total", tree.branch().id(), fixtures.year()))
                .andExpect(jsonPath("$.rows[*].memberId").value(contains(number(second), number(first))));
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}&sort=rank&dir=desc", tree.branch().id(), fixtures.year()))
                .andExpect(jsonPath("$.rows[*].memberId").value(contains(number(second), number(first))));
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}&q=李四", tree.branch().id(), fixtures.year()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[*].memberId").value(contains(number(second))));
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}&memberType=PROBATIONARY", tree.branch().id(), fixtures.year()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badPagingValuesAreProblemDetailsInChineseNamingTheParameter() throws Exception {
        for (String query : List.of("size=501", "size=0", "page=0", "sort=age", "dir=up")) {
            String field = query.substring(0, query.indexOf('='));
            mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&" + query, tree.branch().id()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors." + field).value(org.hamcrest.Matchers.matchesPattern(".*[\\u4e00-\\u9fa5].*")));
        }
    }

    @Test
    void aUnitsRankingShowsTotalsRanksAndSections() throws Exception {
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year={y}", tree.branch().id(), fixtures.year()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitName").value(tree.branch().name()))
                .andExpect(jsonPath("$.schemes[0].id").value(number(tree.scheme().id())))
                .andExpect(jsonPath("$.rows[*].memberId").value(contains(number(first), number(second))))
                .andExpect(jsonPath("$.rows[0].total").value("2.00"))
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[0].scored").value(true))
                .andExpect(jsonPath("$.rows[0].sections[*].points").value(hasItem("2.00")))
                .andExpect(jsonPath("$.rows[0].bonus").isString())
                .andExpect(jsonPath("$.rows[0].vetoes").isArray())
                .andExpect(jsonPath("$.rows[1].total").value("0.00"))
                .andExpect(jsonPath("$.rows[1].rank").value(2));
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&memberType=ACTIVIST", tree.branch().id()))
                .andExpect(jsonPath("$.rows").isEmpty());
    }

    @Test
    void rankingsAreForThoseWhoMayViewScoresInTheUnit() throws Exception {
        mvc.perform(getAs(strangerScorer, "/api/v1/scores?unitId={u}", tree.branch().id())).andExpect(status().isForbidden());
        mvc.perform(getAs(firstOwn, "/api/v1/scores?unitId={u}", tree.branch().id())).andExpect(status().isForbidden());
        mvc.perform(getAs(scorer, "/api/v1/scores"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("缺少参数"))
                .andExpect(jsonPath("$.errors.unitId").exists());
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}", Long.MAX_VALUE)).andExpect(status().isNotFound());
        mvc.perform(getAs(scorer, "/api/v1/scores?unitId={u}&year=1900", tree.branch().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").exists());
    }

    @Test
    void aMembersScoreComesWithTheEnginesExplanation() throws Exception {
        mvc.perform(getAs(firstOwn, "/api/v1/members/{id}/score", first))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(fixtures.year()))
                .andExpect(jsonPath("$.scheme.id").value(number(tree.scheme().id())))
                .andExpect(jsonPath("$.score.total").value("2.00"))
                .andExpect(jsonPath("$.score.memberCode").isNotEmpty())
                .andExpect(jsonPath("$.explanation[*].step").value(hasItem("ENTRY")))
                .andExpect(jsonPath("$.explanation[*].step").value(hasItem("TOTAL")))
                .andExpect(jsonPath("$.explanation[0].rule").isNotEmpty())
                .andExpect(jsonPath("$.notCounted").isArray());
        mvc.perform(getAs(scorer, "/api/v1/members/{id}/score", first)).andExpect(status().isOk());
        mvc.perform(getAs(secondOwn, "/api/v1/members/{id}/score", first)).andExpect(status().isForbidden());
        mvc.perform(getAs(strangerScorer, "/api/v1/members/{id}/score", first)).andExpect(status().isForbidden());
        mvc.perform(getAs(scorer, "/api/v1/members/{id}/score?year={y}", first, fixtures.year() - 3))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("没有该党员")));
    }
}
