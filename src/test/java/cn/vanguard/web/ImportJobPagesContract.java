package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The page of an import job: the whole page, or for htmx only its status, which asks again every second while the job
 * runs and stops asking once it has ended; the outcome (the count, or the problems by line and column); the job seen
 * only by its owner and the ledger's scope.
 */
abstract class ImportJobPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Members members;

    Fixtures.Tree tree;
    String code;
    Fixtures.Account scorer;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        code = members.find(fixtures.member(tree.branch().id(), "王五")).map(MemberRecord::code).orElseThrow();
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private long upload(String csv) throws Exception {
        mvc.perform(multipart("/entries/import").file(new MockMultipartFile("file", "台账.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()));
        return fixtures.jdbc().sql("select max(id) from ledger_import where account_id = :a").param("a", scorer.id()).query(Long.class).single();
    }

    private String page(long job, Fixtures.Account account, boolean htmx) throws Exception {
        var request = get("/entries/import/jobs/{id}", job).with(account.request());
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aFinishedJobShowsItsCountAndStopsAsking() throws Exception {
        long job = upload("成员编号,项目编码,日期\n" + code + ",ACT_MEETING," + LocalDate.now().minusDays(1) + "\n");
        String full = page(job, scorer, false);
        assertThat(full).contains("<html").contains("台账.csv → " + tree.branch().name()).contains("已导入1条积分记录，等待审核");
        String status = page(job, scorer, true);
        assertThat(status).doesNotContain("<html").contains("id=\"import-status\"").contains("已导入1条积分记录")
                .doesNotContain("hx-get").doesNotContain("every 1s");
    }

    @Test
    void aFailedJobListsItsProblemsByLineAndColumn() throws Exception {
        long job = upload("成员编号,项目编码,日期\n" + code + ",ACT_MEETNG," + LocalDate.now().minusDays(1) + "\n");
        assertThat(page(job, scorer, true)).contains("需要修改的行").contains("第2行").contains("项目编码").contains("是否应为 ACT_MEETING")
                .contains("整个文件都没有导入");
    }

    @Test
    void aRunningJobAsksAgainEverySecondWithItsCounts() throws Exception {
        fixtures.jdbc().sql("""
                        insert into ledger_import (unit_id, account_id, file_name, file_hash, state, rows_read, rows_valid, created_at)
                        values (:u, :a, '大台账.csv', 'x', 'CHECKING', 123456, 123400, current_timestamp)""")
                .param("u", tree.branch().id()).param("a", scorer.id()).update();
        long job = fixtures.jdbc().sql("select max(id) from ledger_import where account_id = :a").param("a", scorer.id()).query(Long.class).single();
        String status = page(job, scorer, true);
        assertThat(status).contains("hx-get=\"/entries/import/jobs/" + job + "\"").contains("hx-trigger=\"every 1s\"")
                .contains("正在检查").contains("123,456 行").contains("123,400 行");
    }

    @Test
    void aJobIsSeenByItsOwnerAndTheUnitsLedgerOnly() throws Exception {
        long job = upload("成员编号,项目编码,日期\n" + code + ",ACT_STUDY," + LocalDate.now().minusDays(1) + "\n");
        assertThat(page(job, fixtures.account(Role.SECRETARY, tree.branch().id()), false)).contains("已导入1条积分记录");
        mvc.perform(get("/entries/import/jobs/{id}", job).with(fixtures.account(Role.SECRETARY, tree.otherBranch().id()).request()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/entries/import/jobs/{id}", job + 1_000_000).with(scorer.request())).andExpect(status().isNotFound());
    }
}
