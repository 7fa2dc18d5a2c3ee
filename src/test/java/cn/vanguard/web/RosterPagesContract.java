package cn.vanguard.web;

import static cn.vanguard.org.RosterSheets.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.RosterSheets;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.web.MemberPagesContract.Tree;

/** The roster spreadsheet pages: the template, the upload with its report, the export of what one may see. */
abstract class RosterPagesContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;

    Tree tree;
    long zhang;
    Fixtures.Account admin;
    Fixtures.Account secretary;

    @BeforeEach
    void organisation() {
        tree = Tree.of(fixtures);
        zhang = fixtures.member(tree.branch().id(), "张三");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private byte[] template() throws Exception {
        return mvc.perform(get("/members/template").with(admin.request())).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theTemplateIsAWorkbookWithTheHeadersDropdownsDateFormatsAndInstructions() throws Exception {
        byte[] bytes = mvc.perform(get("/members/template").with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", RosterController.XLSX.toString()))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(RosterSheets.read(bytes)).containsExactly(RosterSheets.HEADERS);
            assertThat(sheet.getDataValidations()).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn(),
                            v -> List.of(v.getValidationConstraint().getExplicitListValues()))
                    .containsExactlyInAnyOrder(
                            tuple(2, List.of("男", "女")),
                            tuple(7, List.of("正式党员", "预备党员", "入党积极分子")),
                            tuple(8, List.of("在职", "领导班子", "离退休", "流动")),
                            tuple(10, List.of("在册", "不参加积分管理", "已转出")));
            assertThat(sheet.getDataValidations()).allSatisfy(v -> assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP));
            assertThat(sheet.getColumnStyle(3).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(sheet.getColumnStyle(6).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(sheet.getColumnStyle(4).getDataFormatString()).isEqualTo("@");
            XSSFSheet help = book.getSheet("填写说明");
            assertThat(help).isNotNull();
            String text = help.getRow(2).getCell(0).getStringCellValue() + help.getRow(2).getCell(1).getStringCellValue()
                    + help.getRow(10).getCell(2).getStringCellValue();
            assertThat(text).contains("姓名", "必填", "中共XX委员会/第一党支部");
            assertThat(help.getRow(1).getCell(2).getStringCellValue()).contains("留空则由系统自动编号");
        }
    }

    @Test
    void aGoodUploadImportsAndReportsTheCounts() throws Exception {
        MemberRecord before = members.find(zhang).orElseThrow();
        byte[] file = RosterSheets.fill(template(), List.of(
                row(null, "新人甲", null, null, null, null, null, "正式党员", null, tree.branch().name(), null),
                row(before.code(), "张三", null, null, null, "13900000000", null, "正式党员", null, tree.otherBranch().name(), null)));
        mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "花名册.xlsx", RosterController.XLSX.toString(), file))
                        .with(admin.request()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/members"))
                .andExpect(flash().attribute("flash", containsString("新增1名，修改1名，转接1名")));
        assertThat(members.find(zhang).orElseThrow().unitId()).isEqualTo(tree.otherBranch().id());
    }

    @Test
    void aBadUploadImportsNothingAndShowsEveryBadRowWithItsFix() throws Exception {
        byte[] file = RosterSheets.fill(template(), List.of(
                row(null, "新人乙", null, null, null, null, null, "正式党员", null, tree.branch().name(), null),
                row(null, "", null, "1985-02-30", null, null, null, "正式党员", null, tree.branch().name(), null),
                row(null, "新人丙", null, null, null, null, null, "正式党员", null, "没有这个支部", null)));
        mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "花名册.xlsx", RosterController.XLSX.toString(), file))
                        .with(admin.request()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有导入任何党员")))
                .andExpect(content().string(containsString("第3行")))
                .andExpect(content().string(containsString("姓名为空")))
                .andExpect(content().string(containsString("出生日期“1985-02-30”不是日期")))
                .andExpect(content().string(containsString("第4行")))
                .andExpect(content().string(containsString("找不到组织“没有这个支部”")))
                .andExpect(content().string(containsString("如何修改")))
                .andExpect(content().string(containsString("name=\"file\"")));
        admin.signIn();
        assertThat(members.search(new Members.Query(tree.committee().id(), "新人", null, null, null), 10)).isEmpty();
        mvc.perform(multipart("/members/import").with(admin.request()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择要导入的花名册文件")));
    }

    @Test
    void onlyMemberAdministratorsImport() throws Exception {
        mvc.perform(get("/members/import").with(admin.request())).andExpect(status().isOk());
        mvc.perform(get("/members/import").with(secretary.request())).andExpect(status().isForbidden());
        mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "a.csv", "text/csv", "姓名\n".getBytes()))
                        .with(secretary.request()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExportFollowsTheFiltersAndTheScope() throws Exception {
        long li = fixtures.member(tree.otherBranch().id(), "李四");
        mvc.perform(get("/members/export").param("unitId", String.valueOf(tree.committee().id())).with(secretary.request()))
                .andExpect(status().isForbidden());
        byte[] branch = mvc.perform(get("/members/export").with(secretary.request()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterSheets.read(branch)).extracting(r -> r.get(1)).containsExactly("姓名", "张三");
        byte[] filtered = mvc.perform(get("/members/export").param("unitId", String.valueOf(tree.committee().id())).param("text", "李四")
                        .with(admin.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterSheets.read(filtered)).extracting(r -> r.get(0)).containsExactly("党员编号", members.find(li).orElseThrow().code());
        mvc.perform(get("/members/export").with(fixtures.memberAccount(zhang, tree.branch().id()).request())).andExpect(status().isForbidden());
    }
}
