package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/**
 * The ledger's Excel template: the unit's members and its scheme's items to pick from, with a sheet of instructions;
 * a row filled from the drop-downs imports as the codes they stand for; nobody downloads another unit's members.
 */
abstract class LedgerTemplateContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aTemplateFilledFromItsDropDownsImportsAsTheCodesTheyStandFor() throws Exception {
        Fixtures.Tree tree = fixtures.tree("changzhou-2021");
        long member = fixtures.member(tree.branch().id(), "模板人");
        fixtures.member(tree.otherBranch().id(), "别支部的人");
        String code = fixtures.jdbc().sql("select code from member where id = :id").param("id", member).query(String.class).single();
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());

        byte[] xlsx = mvc.perform(get("/entries/template.xlsx").param("unitId", Long.toString(tree.branch().id())).with(scorer.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("积分台账");
            assertThat(book.getSheet("填写说明")).isNotNull();
            XSSFSheet data = book.getSheet("积分台账");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("成员编号");
            assertThat(data.getDataValidations()).hasSize(4);
            assertThat(column(book.getSheet("党员"))).contains(code + " 模板人").noneMatch(s -> s.contains("别支部的人"));
            assertThat(column(book.getSheet("项目"))).contains("组织集中学习（CZ_GROUP_STUDY）", "志愿服务参与情况（CZ_VOLUNTEER）");
            Row row = data.createRow(1);
            row.createCell(0).setCellValue(code + " 模板人");
            row.createCell(1).setCellValue("组织集中学习（CZ_GROUP_STUDY）");
            row.createCell(2).setCellValue(LocalDate.now().minusDays(1).toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart("/entries/import").file(new MockMultipartFile("file", "台账.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled))
                        .param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("select item_code from ledger_entry where member_id = :m").param("m", member).query(String.class).list())
                .containsExactly("CZ_GROUP_STUDY");

        mvc.perform(get("/entries/template.xlsx").param("unitId", Long.toString(tree.otherBranch().id())).with(scorer.request()))
                .andExpect(status().isForbidden());
    }

    private static java.util.List<String> column(Sheet sheet) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            values.add(sheet.getRow(r).getCell(0).getStringCellValue());
        }
        return values;
    }
}
