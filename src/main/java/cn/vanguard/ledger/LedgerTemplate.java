package cn.vanguard.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.vanguard.Invalid;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.sheet.Codes;

/**
 * The ledger template a scorer fills in Excel: the import's columns with the unit's members and the scheme's items as
 * drop-downs (a member as {@code M00001 张三}, an item as {@code 名称（编码）}, both read back by {@link Codes}), dates of
 * the cycle only, the items and members listed on sheets of their own, and a sheet saying how to fill it in.
 */
@Service
public class LedgerTemplate {

    static final String DATA = "积分台账";
    static final String ITEMS = "项目";
    static final String PEOPLE = "党员";
    static final String HELP = "填写说明";
    /** Rows the drop-downs and checks reach: a branch's year is about 1,300 entries. */
    static final int ROWS = 5000;

    private final Members members;
    private final Schemes schemes;
    private final Guard guard;
    private final Clock clock;

    LedgerTemplate(Members members, Schemes schemes, Guard guard, Clock clock) {
        this.members = members;
        this.schemes = schemes;
        this.guard = guard;
        this.clock = clock;
    }

    /** The items an entry may be recorded for (a counter's quantity too; a level is assessed, not recorded). */
    public static List<Item> recordable(Scheme scheme) {
        return scheme.items().stream()
                .filter(i -> i.kind() == ItemKind.PER_UNIT || i.kind() == ItemKind.RANGE || i.kind() == ItemKind.VETO || i.kind() == ItemKind.FORFEIT)
                .toList();
    }

    /** The template for recording entries of the unit's members this year, under the scheme in force for the unit. */
    public byte[] xlsx(long unitId) {
        guard.require(Permission.RECORD_ENTRIES, unitId);
        int year = LocalDate.now(clock).getYear();
        PublishedScheme scheme = schemes.effective(unitId, year)
                .orElseThrow(() -> Invalid.of("unitId", "该组织还没有" + year + "年度的积分方案，暂时不能录入：请联系党委管理员发布方案"));
        List<MemberRecord> people = members.search(new Members.Query(unitId, null, null, null, null), 5000).stream()
                .filter(m -> m.status() != MemberStatus.TRANSFERRED_OUT).toList();
        List<Item> items = recordable(scheme.scheme());
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            data(book, styles, year, items.size(), people.size());
            itemSheet(book, styles, items);
            peopleSheet(book, styles, people);
            help(book, styles, scheme, year);
            book.setActiveSheet(0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle header, CellStyle text, CellStyle date, CellStyle wrap) {
        Styles(XSSFWorkbook book) {
            this(book.createCellStyle(), book.createCellStyle(), book.createCellStyle(), book.createCellStyle());
            DataFormat format = book.createDataFormat();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            text.setDataFormat(format.getFormat("@"));
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            wrap.setWrapText(true);
        }
    }

    private static void data(XSSFWorkbook book, Styles styles, int year, int items, int people) {
        XSSFSheet sheet = book.createSheet(DATA);
        String[] headers = {"成员编号", "项目编码", "日期", "数量", "分值", "事项编号", "备注"};
        int[] widths = {22, 40, 13, 8, 8, 14, 40};
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(i, widths[i] * 256);
            sheet.setDefaultColumnStyle(i, i == 2 ? styles.date() : styles.text());
        }
        sheet.createFreezePane(0, 1);
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        list(sheet, helper, 0, "'" + PEOPLE + "'!$A$2:$A$" + (people + 1), "成员编号", "请从列表中选择党员（编号 姓名），或填写党员编号");
        list(sheet, helper, 1, "'" + ITEMS + "'!$A$2:$A$" + (items + 1), "项目编码", "请从列表中选择项目，或填写项目编码");
        DataValidationConstraint dates = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "DATE(" + year + ",1,1)", "DATE(" + year + ",12,31)", "yyyy-mm-dd");
        check(sheet, helper.createValidation(dates, new CellRangeAddressList(1, ROWS, 2, 2)), "日期", "日期应为" + year + "年内的日期，如 " + year + "-03-14");
        DataValidationConstraint numbers = helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "-1000", "1000");
        check(sheet, helper.createValidation(numbers, new CellRangeAddressList(1, ROWS, 3, 4)), "数量、分值", "应为数字，如 1 或 2.5");
    }

    private static void list(XSSFSheet sheet, XSSFDataValidationHelper helper, int column, String range, String title, String message) {
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                new CellRangeAddressList(1, ROWS, column, column));
        // a code typed instead of picked is accepted too: warn, never stop
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(true);
        validation.createErrorBox(title, message);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static void check(XSSFSheet sheet, DataValidation validation, String title, String message) {
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.setShowErrorBox(true);
        validation.createErrorBox(title, message);
        sheet.addValidationData(validation);
    }

    private static void itemSheet(XSSFWorkbook book, Styles styles, List<Item> items) {
        XSSFSheet sheet = book.createSheet(ITEMS);
        header(sheet, styles, new String[] {"选择项", "项目编码", "项目名称", "计分", "证明要求"}, new int[] {44, 18, 36, 22, 34});
        int r = 1;
        for (Item item : items) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(Codes.itemLabel(item.code(), item.name()));
            row.createCell(1).setCellValue(item.code());
            row.createCell(2).setCellValue(item.name());
            row.createCell(3).setCellValue(points(item));
            row.createCell(4).setCellValue(item.evidence().label());
        }
    }

    private static String points(Item item) {
        if (item.kind() == ItemKind.RANGE) {
            return "酌情" + plain(item.min()) + "～" + plain(item.max()) + "分（在“分值”列填写）";
        }
        if (item.kind() == ItemKind.VETO || item.kind() == ItemKind.FORFEIT) {
            return "不计分（记录事实）";
        }
        return plain(item.points()) + "分/" + item.unit();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static void peopleSheet(XSSFWorkbook book, Styles styles, List<MemberRecord> people) {
        XSSFSheet sheet = book.createSheet(PEOPLE);
        header(sheet, styles, new String[] {"选择项", "党员编号", "姓名", "所在组织", "党员身份"}, new int[] {22, 14, 12, 28, 12});
        int r = 1;
        for (MemberRecord m : people) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(Codes.memberLabel(m.code(), m.name()));
            row.createCell(1).setCellValue(m.code());
            row.createCell(2).setCellValue(m.name());
            row.createCell(3).setCellValue(m.unitName());
            row.createCell(4).setCellValue(m.type().label());
        }
    }

    private static void header(XSSFSheet sheet, Styles styles, String[] titles, int[] widths) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void help(XSSFWorkbook book, Styles styles, PublishedScheme scheme, int year) {
        XSSFSheet sheet = book.createSheet(HELP);
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        String[][] lines = {
                {"积分台账模板", scheme.unitName() + " " + year + "年度方案“" + scheme.name() + "”第" + scheme.versionNo() + "版"},
                {"怎么填", "在“" + DATA + "”表中每行填一条积分记录，从第2行起。填好后在“导入台账”页面上传本文件。"},
                {"成员编号", "必填。点单元格右侧的箭头，从列表中选择党员（显示为“编号 姓名”）；也可以只填党员编号。名单见“" + PEOPLE + "”表。"},
                {"项目编码", "必填。从列表中选择项目（显示为“名称（编码）”）；也可以只填编码。各项目的分值和证明要求见“" + ITEMS + "”表。"},
                {"日期", "必填。活动或事项发生的日期，应在" + year + "年内、且不晚于今天，写成 " + year + "-03-14。"},
                {"数量", "可不填，默认1。按次、按小时等计分的项目填次数或小时数（可为小数，如1.5小时）。"},
                {"分值", "“酌情”计分的项目必填，在规定范围内填写；其他项目不填，按方案计分。"},
                {"事项编号", "可不填。同一件事只能计一次的项目，填同一个编号可以防止重复记录。"},
                {"备注", "建议填写：记录的依据，如“支部党员大会签到表”。"},
                {"证明材料", "“项目”表标明了需要证明的项目：导入后在每条记录的页面上传照片或PDF，证明齐全后才能审核通过（需要证明人的，请改在“录入积分”页面逐条录入并填写证明人）。"},
                {"导入规则", "只要有一行有误，整个文件都不导入，并逐行说明哪一列、怎么改；改好后重新上传即可。同一个文件不会被重复导入。"
                        + "导入的记录等待支部书记审核，审核通过后才计入积分。也可以上传另存为 CSV（UTF-8）的同样内容。"},
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            Cell key = row.createCell(0);
            key.setCellValue(lines[i][0]);
            key.setCellStyle(styles.header());
            Cell value = row.createCell(1);
            value.setCellValue(lines[i][1]);
            value.setCellStyle(styles.wrap());
        }
    }
}
