package cn.vanguard.org;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.Channel;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.sheet.FileProblem;
import cn.vanguard.sheet.Limits;
import cn.vanguard.sheet.Problems;
import cn.vanguard.sheet.Dates;
import cn.vanguard.sheet.SheetRows;

/**
 * The roster (花名册) as the organisations keep it in Excel: a template to fill in, an import that checks every row and
 * changes nothing unless every row is right, and an export of the members one may see in the same columns.
 * A member whose unit differs in the file is transferred (转接) on the import date with the reason {@value #TRANSFER_REASON},
 * so the history of transfers stays complete.
 */
@Service
public class Rosters {

    public static final String TRANSFER_REASON = "花名册导入";
    static final int MAX_ROWS = 10_000;
    private static final int TEMPLATE_ROWS = 2_000;
    private static final String SHEET = "花名册";
    private static final String DATE_FIX = "按“1985-05-01”的格式填写日期，或把单元格设为日期格式";

    /** The columns of the roster, in template order, with the headers accepted for each. */
    enum Col {
        CODE("党员编号", false, Kind.TEXT, 12, "留空则由系统自动编号（M00001、M00002…）；填写系统中已有的编号则更新该党员的信息。"
                + "只能包含字母、数字、下划线和连字符，不超过40位。", "M00012", "成员编号", "编号", "code", "member_id"),
        NAME("姓名", true, Kind.TEXT, 10, "党员姓名，不超过50字。", "张三", "name"),
        GENDER("性别", false, Kind.LIST, 6, "男 或 女。", "女", "gender"),
        BIRTH("出生日期", false, Kind.DATE, 12, "日期，如 1985-05-01。", "1985-05-01", "出生年月", "birth_date"),
        ID_CARD("身份证号码", false, Kind.TEXT, 22, "18位居民身份证号码，最后一位可以是X；系统校验号码并加密保存，页面和导出文件只显示前4位和后4位。"
                + "更新已有党员时留空，或保留导出文件中带*的号码，则不改变已登记的号码。", "110105198505010028",
                "身份证号", "公民身份号码", "id_card"),
        PHONE("联系电话", false, Kind.TEXT, 14, "手机或固定电话，只含数字、+、- 和空格。", "13800138000", "手机号码", "手机", "电话", "phone"),
        JOINED("入党日期", false, Kind.DATE, 12, "日期，如 2010-07-01；入党时应年满18周岁。", "2010-07-01", "入党时间", "joined_on"),
        TYPE("党员身份", true, Kind.LIST, 14, "正式党员、预备党员 或 入党积极分子。", "正式党员", "党员类型", "member_type"),
        CATEGORY("人员类别", false, Kind.LIST, 10, "在职、领导班子、离退休 或 流动；新党员留空为在职。", "在职", "类别", "category"),
        UNIT("所在组织", true, Kind.TEXT, 30, "党员所在组织的名称，如“第一党支部”；名称有重复时从上级写起，用 / 分隔，如“中共XX委员会/第一党支部”。"
                + "只能填写您管理范围内、未撤销的组织。已有党员的组织与系统中不同时，系统按“转接”处理，转接日期为导入当天，原因为“"
                + TRANSFER_REASON + "”。", "第一党支部", "所在支部", "所在党组织", "org_unit"),
        STATUS("状态", false, Kind.LIST, 16, "在册、不参加积分管理 或 已转出；新党员留空为在册。", "在册", "status");

        final String header;
        final boolean required;
        final Kind kind;
        final int width;
        final String explanation;
        final String example;
        final List<String> headers;

        Col(String header, boolean required, Kind kind, int width, String explanation, String example, String... aliases) {
            this.header = header;
            this.required = required;
            this.kind = kind;
            this.width = width;
            this.explanation = explanation;
            this.example = example;
            List<String> all = new ArrayList<>();
            all.add(header);
            all.addAll(List.of(aliases));
            this.headers = List.copyOf(all);
        }

        List<String> options() {
            return switch (this) {
                case GENDER -> Arrays.stream(Gender.values()).map(Gender::label).toList();
                case TYPE -> Arrays.stream(MemberType.values()).map(MemberType::label).toList();
                case CATEGORY -> Arrays.stream(Category.values()).map(Labels::category).toList();
                case STATUS -> Arrays.stream(MemberStatus.values()).map(MemberStatus::label).toList();
                default -> List.of();
            };
        }
    }

    enum Kind { TEXT, DATE, LIST }

    /** One thing wrong in the file: the row (0 for the whole file), the column, what is wrong and how to fix it. */
    public record RowProblem(int line, String column, String problem, String fix) {
    }

    /** What an import did: nothing when there are problems; otherwise how many members were added, updated, transferred. */
    public record Outcome(List<RowProblem> problems, int rows, int added, int updated, int transferred, int unchanged) {
        public boolean imported() {
            return problems.isEmpty();
        }

        static Outcome failed(List<RowProblem> problems, int rows) {
            return new Outcome(List.copyOf(problems), rows, 0, 0, 0, 0);
        }
    }

    private final JdbcClient jdbc;
    private final Members members;
    private final IdCards idCards;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public Rosters(JdbcClient jdbc, Members members, IdCards idCards, Guard guard, AuditLog audit, Clock clock,
                   PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.members = members;
        this.idCards = idCards;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The empty roster to fill in: headers, dropdowns, formats and a sheet of instructions. */
    public byte[] template() {
        return workbook(List.of(), null);
    }

    /** The members the current user may see that match the query, in the template's columns, ID cards masked. */
    public byte[] export(Members.Query query) {
        guard.requireAnywhere(Permission.VIEW_MEMBERS);
        if (query.unitId() != null) {
            guard.require(Permission.VIEW_MEMBERS, query.unitId());
        }
        List<MemberRecord> found = members.search(query, MAX_ROWS * 10);
        Directory directory = new Directory(allUnits(), null);
        Set<Long> roots = guard.roots(Permission.VIEW_MEMBERS);
        Long unitId = query.unitId() != null ? query.unitId() : roots.size() == 1 ? roots.iterator().next() : null;
        audit.record(guard.current().actor(), "ROSTER_EXPORTED", "roster", null, unitId, "导出花名册（" + found.size() + "名党员）",
                null, Map.of("members", found.size()));
        return workbook(found, directory);
    }

    // ---------------------------------------------------------------------------------------------------- import

    /** A row that passed every check, and what importing it will do. */
    private record Planned(int line, MemberForm form, MemberRecord existing, boolean transfer, boolean changed) {
    }

    /**
     * Imports an .xlsx or .csv roster on behalf of the current user (MANAGE_MEMBERS). Every row is checked first; if any
     * is wrong nothing is changed and the outcome lists every problem; otherwise all rows are applied in one transaction.
     */
    public Outcome importFile(String filename, byte[] content) {
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        String name = filename == null || filename.isBlank() ? "花名册" : Path.of(filename).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String suffix = lower.endsWith(".xlsx") ? ".xlsx" : lower.endsWith(".csv") ? ".csv" : lower.endsWith(".xls") ? ".xls" : null;
        if (suffix == null) {
            return fileProblem("“" + name + "”不是 .xlsx 或 .csv 文件", "请使用下载的模板（.xlsx）填写，或在Excel中“另存为”CSV（UTF-8）后上传");
        }
        if (content == null || content.length == 0) {
            return fileProblem("上传的文件是空的", "请选择填写好的花名册文件后重新上传");
        }
        List<SheetRows.Row> rows;
        Problems problems = new Problems();
        Path file = null;
        try {
            file = Files.createTempFile("roster-", suffix);
            Files.write(file, suffix.equals(".csv") ? utf8(content) : content);
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (Col col : Col.values()) {
                columns.put(col.name(), col.headers);
            }
            rows = SheetRows.read(file, name, columns, Arrays.stream(Col.values()).filter(c -> c.required).map(Col::name).toList(),
                    Limits.UPLOAD.withMaxRows(MAX_ROWS), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
        if (!problems.isEmpty()) {
            return Outcome.failed(problems.all().stream().map(Rosters::fileProblem).toList(), 0);
        }
        if (rows.isEmpty()) {
            return fileProblem("文件中没有党员：表头下面没有任何一行", "在表头下面逐行填写党员信息后重新上传");
        }
        return importRows(name, rows);
    }

    private Outcome importRows(String name, List<SheetRows.Row> rows) {
        List<Long> scope = guard.units(Permission.MANAGE_MEMBERS);
        Set<Long> managed = scope == null ? null : new HashSet<>(scope);
        Directory directory = new Directory(allUnits(), managed);
        List<RowProblem> problems = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        Map<String, Integer> codeLines = new HashMap<>();
        Map<String, Integer> idCardLines = new HashMap<>();
        for (SheetRows.Row row : rows) {
            List<RowProblem> found = new ArrayList<>();
            Planned planned = plan(row, directory, managed, found);
            duplicate(row, Col.CODE, row.get(Col.CODE.name()).strip(), codeLines, "党员编号", found);
            String idCard = row.get(Col.ID_CARD.name()).strip().toUpperCase(Locale.ROOT);
            if (!idCard.contains("*")) {
                duplicate(row, Col.ID_CARD, idCard, idCardLines, "身份证号码", found);
            }
            if (found.isEmpty()) {
                plan.add(planned);
            }
            found.sort(Comparator.comparingInt(p -> columnOrder(p.column())));
            problems.addAll(found);
        }
        if (!problems.isEmpty()) {
            return Outcome.failed(problems, rows.size());
        }
        return apply(name, plan, rows.size());
    }

    private static int columnOrder(String header) {
        for (Col col : Col.values()) {
            if (col.header.equals(header)) {
                return col.ordinal();
            }
        }
        return Col.values().length;
    }

    private static void duplicate(SheetRows.Row row, Col col, String value, Map<String, Integer> seen, String what, List<RowProblem> found) {
        if (value.isEmpty()) {
            return;
        }
        Integer first = seen.putIfAbsent(value.toUpperCase(Locale.ROOT), row.line());
        if (first != null) {
            found.add(new RowProblem(row.line(), col.header, what + "“" + value + "”与第" + first + "行重复",
                    "同一名党员只保留一行；不同的党员请改用各自的" + what));
        }
    }

    /** Reads one row into a form, adding every problem of the row; the plan is only used when there are none. */
    private Planned plan(SheetRows.Row row, Directory directory, Set<Long> managed, List<RowProblem> problems) {
        int line = row.line();
        Set<Col> bad = new HashSet<>();
        String code = row.get(Col.CODE.name()).strip();
        MemberRecord existing = null;
        if (!code.isEmpty() && code.matches("[A-Za-z0-9_\\-]{1,40}")) {
            existing = members.findByCode(code).orElse(null);
            if (existing != null && managed != null && !managed.contains(existing.unitId())) {
                problems.add(new RowProblem(line, Col.CODE.header, "党员编号“" + code + "”已被您管理范围以外的党员使用",
                        "新党员请把编号留空由系统自动编号，或改用其他编号；要修改该党员的信息请联系其所在组织的管理员"));
                bad.add(Col.CODE);
                existing = null;
            }
        }
        boolean update = existing != null;

        String name = row.get(Col.NAME.name()).strip();
        if (name.isEmpty()) {
            problems.add(new RowProblem(line, Col.NAME.header, "姓名为空", "填写党员姓名（必填）"));
            bad.add(Col.NAME);
        }
        Gender gender = choice(row, Col.GENDER, Labels::gender, update ? existing.gender() : null, bad, problems);
        LocalDate birth = date(row, Col.BIRTH, update ? existing.birthDate() : null, bad, problems);
        LocalDate joined = date(row, Col.JOINED, update ? existing.joinedOn() : null, bad, problems);
        MemberType type = choice(row, Col.TYPE, Labels::memberType, null, bad, problems);
        Category category = choice(row, Col.CATEGORY, Labels::category, update ? existing.category() : null, bad, problems);
        MemberStatus status = choice(row, Col.STATUS, Labels::status, update ? existing.status() : null, bad, problems);
        String phone = row.get(Col.PHONE.name()).strip();
        if (phone.isEmpty() && update) {
            phone = existing.phone();
        }
        String idCard = idCard(row, existing, bad, problems);

        Long unitId = null;
        String unitText = row.get(Col.UNIT.name()).strip();
        if (unitText.isEmpty()) {
            problems.add(new RowProblem(line, Col.UNIT.header, "所在组织为空", "填写党员所在组织的名称（必填），如“第一党支部”"));
            bad.add(Col.UNIT);
        } else {
            Resolution resolution = directory.resolve(unitText);
            if (resolution.unit() == null) {
                problems.add(new RowProblem(line, Col.UNIT.header, resolution.problem(), resolution.fix()));
                bad.add(Col.UNIT);
            } else {
                unitId = resolution.unit().id();
            }
        }

        MemberForm form = new MemberForm(code.isEmpty() ? null : code, name, gender, birth, idCard, phone, joined, type, category, status, unitId);
        for (Map.Entry<String, String> error : members.check(form, update ? existing.id() : null).entrySet()) {
            Col col = column(error.getKey());
            if (col != null && !bad.contains(col)) {
                problems.add(new RowProblem(line, col.header, error.getValue(), fix(col)));
                bad.add(col);
            }
        }
        if (!update) {
            return new Planned(line, form, null, false, true);
        }
        boolean transfer = unitId != null && unitId != existing.unitId();
        return new Planned(line, form, existing, transfer, problems.isEmpty() && changed(existing, form));
    }

    private <T> T choice(SheetRows.Row row, Col col, Function<String, T> parse, T kept, Set<Col> bad,
                         List<RowProblem> problems) {
        String text = row.get(col.name()).strip();
        if (text.isEmpty()) {
            if (col.required) {
                problems.add(new RowProblem(row.line(), col.header, col.header + "为空", "从下拉列表中选择：" + String.join("、", col.options()) + "（必填）"));
                bad.add(col);
            }
            return kept;
        }
        T value = parse.apply(text);
        if (value == null) {
            problems.add(new RowProblem(row.line(), col.header, col.header + "“" + text + "”不是可选的值",
                    "从下拉列表中选择：" + String.join("、", col.options())));
            bad.add(col);
        }
        return value;
    }

    private LocalDate date(SheetRows.Row row, Col col, LocalDate kept, Set<Col> bad, List<RowProblem> problems) {
        String text = row.get(col.name()).strip();
        if (text.isEmpty()) {
            return kept;
        }
        LocalDate date = Dates.parse(text);
        if (date == null) {
            problems.add(new RowProblem(row.line(), col.header, col.header + "“" + text + "”不是日期", DATE_FIX));
            bad.add(col);
        }
        return date;
    }

    /** The full number to store, or null to keep what is stored (an empty cell, or the masked number an export wrote). */
    private static String idCard(SheetRows.Row row, MemberRecord existing, Set<Col> bad, List<RowProblem> problems) {
        String text = row.get(Col.ID_CARD.name()).strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        if (text.contains("*")) {
            if (existing != null && text.equals(existing.idCardMasked())) {
                return null;
            }
            problems.add(new RowProblem(row.line(), Col.ID_CARD.header, "身份证号码“" + text + "”是隐去中间数字的号码，不能登记",
                    existing != null && existing.idCardMasked() != null ? "填写完整的18位号码，或留空以保留已登记的号码" : "填写完整的18位号码，或留空"));
            bad.add(Col.ID_CARD);
            return null;
        }
        if (text.matches("\\d(\\.\\d+)?E\\d+")) {
            problems.add(new RowProblem(row.line(), Col.ID_CARD.header, "身份证号码被Excel当成了数字（" + text + "），后几位已经丢失",
                    "把该列单元格设为“文本”格式后重新输入完整号码"));
            bad.add(Col.ID_CARD);
            return null;
        }
        return text;
    }

    private boolean changed(MemberRecord existing, MemberForm form) {
        if (!Objects.equals(existing.name(), form.name().strip()) || existing.gender() != form.gender()
                || !Objects.equals(existing.birthDate(), form.birthDate()) || !Objects.equals(existing.joinedOn(), form.joinedOn())
                || !Objects.equals(blankToNull(existing.phone()), blankToNull(form.phone())) || existing.type() != form.type()
                || existing.category() != form.category() || existing.status() != form.status()
                || !existing.code().equals(form.code())) {
            return true;
        }
        if (form.idCard() == null) {
            return false;
        }
        String stored = jdbc.sql("select id_card_cipher from member where id = :id").param("id", existing.id()).query(String.class).optional().orElse(null);
        return stored == null || !idCards.decrypt(stored).equalsIgnoreCase(form.idCard());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Col column(String field) {
        return switch (field) {
            case "code" -> Col.CODE;
            case "name" -> Col.NAME;
            case "gender" -> Col.GENDER;
            case "birthDate" -> Col.BIRTH;
            case "idCard" -> Col.ID_CARD;
            case "phone" -> Col.PHONE;
            case "joinedOn" -> Col.JOINED;
            case "type" -> Col.TYPE;
            case "category" -> Col.CATEGORY;
            case "status" -> Col.STATUS;
            case "unitId" -> Col.UNIT;
            default -> null;
        };
    }

    private static String fix(Col col) {
        return switch (col) {
            case CODE -> "改用其他编号，或留空由系统自动编号";
            case NAME -> "填写党员姓名，不超过50字";
            case BIRTH, JOINED -> "核对出生日期和入党日期（入党时应年满18周岁，日期不能晚于今天）";
            case ID_CARD -> "核对18位身份证号码（最后一位可以是X）；如果Excel把号码显示成科学计数法，请把单元格设为文本格式后重新输入；不清楚可留空";
            case PHONE -> "只填数字，可含 +、- 和空格，如 13800138000";
            case UNIT -> "填写一个未撤销的组织";
            default -> "从下拉列表中选择：" + String.join("、", col.options());
        };
    }

    private Outcome apply(String name, List<Planned> plan, int rows) {
        CurrentUser user = guard.current();
        LocalDate today = LocalDate.now(clock);
        int[] line = {0};
        int[] counts = new int[4];
        Set<Long> touchedUnits = new HashSet<>();
        try {
            transactions.executeWithoutResult(status -> {
                for (Planned p : plan) {
                    line[0] = p.line();
                    touchedUnits.add(p.form().unitId());
                    if (p.existing() == null) {
                        members.create(p.form());
                        counts[0]++;
                        continue;
                    }
                    if (!p.changed() && !p.transfer()) {
                        counts[3]++;
                        continue;
                    }
                    MemberRecord now = members.find(p.existing().id()).orElseThrow();
                    if (now.version() != p.existing().version()) {
                        throw Invalid.of("version", "党员“" + now.name() + "”的信息在导入过程中被他人修改了");
                    }
                    int version = now.version();
                    if (p.transfer()) {
                        touchedUnits.add(now.unitId());
                        version = members.transfer(now.id(), p.form().unitId(), today, TRANSFER_REASON).version();
                        counts[2]++;
                    }
                    if (p.changed()) {
                        members.update(now.id(), p.form(), version);
                        counts[1]++;
                    }
                }
                audit.record(user.actor().through(Channel.IMPORT), "ROSTER_IMPORTED", "roster", null, commonUnit(touchedUnits),
                        "导入花名册“" + name + "”：新增" + counts[0] + "名，修改" + counts[1] + "名，转接" + counts[2] + "名",
                        null, Map.of("file", name, "rows", rows, "added", counts[0], "updated", counts[1], "transferred", counts[2]));
            });
        } catch (Conflict e) {
            // someone saved the member between the version check above and the update
            return Outcome.failed(List.of(new RowProblem(line[0], "", "该行党员的信息在导入过程中被他人修改了", "稍后重新导入同一文件")), rows);
        } catch (Invalid e) {
            Map.Entry<String, String> first = e.errors().entrySet().iterator().next();
            Col col = column(first.getKey());
            return Outcome.failed(List.of(new RowProblem(line[0], col == null ? "" : col.header, e.getMessage(),
                    col == null ? "稍后重新导入同一文件" : fix(col))), rows);
        }
        return new Outcome(List.of(), rows, counts[0], counts[1], counts[2], counts[3]);
    }

    /** The deepest unit that holds all these units, so that the import's audit line is seen by their administrators. */
    private Long commonUnit(Set<Long> unitIds) {
        List<String> common = null;
        for (Long id : unitIds) {
            String path = jdbc.sql("select path from org_unit where id = :id").param("id", id).query(String.class).single();
            List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
            if (common == null) {
                common = parts;
            } else {
                int n = 0;
                while (n < common.size() && n < parts.size() && common.get(n).equals(parts.get(n))) {
                    n++;
                }
                common = common.subList(0, n);
            }
        }
        return common == null || common.isEmpty() ? null : Long.valueOf(common.get(common.size() - 1));
    }

    private static Outcome fileProblem(String problem, String fix) {
        return Outcome.failed(List.of(new RowProblem(0, "", problem, fix)), 0);
    }

    private static RowProblem fileProblem(FileProblem problem) {
        String chinese = problem.chinese();
        if (chinese.startsWith("缺少列")) {
            return new RowProblem(problem.line(), "", chinese, "第一行是表头，请保留模板中的列名（姓名、党员身份、所在组织必须有），或重新下载模板填写");
        }
        if (chinese.startsWith("无法读取")) {
            return new RowProblem(0, "", chinese, "用Excel打开后“另存为”.xlsx 文件，或重新下载模板填写");
        }
        if (chinese.contains("的上限")) {
            return new RowProblem(problem.line(), "", chinese, "把文件改小后重新上传：分成几个文件，或删去多余的行、列和过长的内容");
        }
        return new RowProblem(problem.line(), "", chinese, "按模板的格式填写后重新上传");
    }

    /**
     * Excel on Chinese Windows saves CSV in GBK: such bytes are read as GB18030 and passed on as UTF-8. Bytes that are
     * neither are passed on as they are, for the reader to refuse at the line where they are (never replaced silently).
     */
    static byte[] utf8(byte[] content) {
        if (decodes(content, StandardCharsets.UTF_8)) {
            return content;
        }
        Charset gb = Charset.forName("GB18030");
        return decodes(content, gb) ? new String(content, gb).getBytes(StandardCharsets.UTF_8) : content;
    }

    private static boolean decodes(byte[] content, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the temporary directory
            }
        }
    }

    private List<Unit> allUnits() {
        return jdbc.sql("select * from org_unit").query(Units.ROW).list();
    }

    // ---------------------------------------------------------------------------------------------------- units by name

    /** Where a unit named in the file is, or why it cannot be used. */
    private record Resolution(Unit unit, String problem, String fix) {
    }

    /** Every unit by its name and by its path of names from the top, as a roster names them. */
    private static final class Directory {
        private final Map<Long, Unit> byId = new HashMap<>();
        private final Map<Long, List<String>> names = new HashMap<>();
        private final Map<String, Integer> openNames = new HashMap<>();
        private final Set<Long> managed;

        Directory(List<Unit> units, Set<Long> managed) {
            this.managed = managed;
            units.forEach(u -> byId.put(u.id(), u));
            for (Unit unit : units) {
                List<String> path = new ArrayList<>();
                for (String part : unit.path().split("/")) {
                    if (!part.isEmpty()) {
                        Unit u = byId.get(Long.parseLong(part));
                        path.add(u == null ? part : u.name());
                    }
                }
                names.put(unit.id(), path);
                if (!unit.closed()) {
                    openNames.merge(unit.name(), 1, Integer::sum);
                }
            }
        }

        /** The unit's name, or its path from the top when another open unit has the same name. */
        String label(long unitId) {
            Unit unit = byId.get(unitId);
            return openNames.getOrDefault(unit.name(), 0) > 1 ? path(unitId) : unit.name();
        }

        String path(long unitId) {
            return String.join("/", names.get(unitId));
        }

        Resolution resolve(String text) {
            List<String> wanted = Arrays.stream(text.split("[/／\\\\>＞]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<Unit> matches = new ArrayList<>();
            for (Unit unit : byId.values()) {
                List<String> path = names.get(unit.id());
                if (!wanted.isEmpty() && path.size() >= wanted.size() && path.subList(path.size() - wanted.size(), path.size()).equals(wanted)) {
                    matches.add(unit);
                }
            }
            String shown = "“" + text + "”";
            if (matches.isEmpty()) {
                return new Resolution(null, "找不到组织" + shown,
                        "填写系统中组织的全称，如“第一党支部”；重名时从上级写起，用 / 分隔，如“中共XX委员会/第一党支部”");
            }
            List<Unit> inScope = matches.stream().filter(u -> managed == null || managed.contains(u.id())).toList();
            if (inScope.isEmpty()) {
                return new Resolution(null, "组织" + shown + "不在您的管理范围内",
                        "只能导入您管理的组织的党员：删除该行，或请该组织的管理员导入");
            }
            List<Unit> open = inScope.stream().filter(u -> !u.closed()).sorted(Comparator.comparing(u -> path(u.id()))).toList();
            if (open.isEmpty()) {
                return new Resolution(null, "组织" + shown + "已撤销", "填写党员现在所在的、未撤销的组织");
            }
            if (open.size() > 1) {
                List<String> paths = open.stream().limit(3).map(u -> "“" + path(u.id()) + "”").toList();
                return new Resolution(null, "有" + open.size() + "个组织都叫" + shown + "：" + String.join("、", paths) + (open.size() > 3 ? "等" : ""),
                        "从上级写起，用 / 分隔，如 " + paths.get(0));
            }
            return new Resolution(open.get(0), null, null);
        }
    }

    // ---------------------------------------------------------------------------------------------------- workbook

    private byte[] workbook(List<MemberRecord> rows, Directory directory) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET);
            DataFormat format = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            CellStyle header = headerStyle(workbook, false);
            CellStyle requiredHeader = headerStyle(workbook, true);

            Row head = sheet.createRow(0);
            Col[] cols = Col.values();
            for (int i = 0; i < cols.length; i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(cols[i].header);
                cell.setCellStyle(cols[i].required ? requiredHeader : header);
                sheet.setColumnWidth(i, cols[i].width * 256 + 512);
                sheet.setDefaultColumnStyle(i, cols[i].kind == Kind.DATE ? date : text);
            }
            for (int r = 0; r < rows.size(); r++) {
                MemberRecord m = rows.get(r);
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < cols.length; i++) {
                    Cell cell = row.createCell(i);
                    Object value = value(cols[i], m, directory);
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellStyle(cols[i].kind == Kind.DATE ? date : text);
                        if (value != null) {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            XSSFDataValidationHelper validations = new XSSFDataValidationHelper(sheet);
            int last = rows.size() + TEMPLATE_ROWS;
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].kind != Kind.LIST) {
                    continue;
                }
                DataValidationConstraint constraint = validations.createExplicitListConstraint(cols[i].options().toArray(String[]::new));
                DataValidation validation = validations.createValidation(constraint, new CellRangeAddressList(1, last, i, i));
                validation.setShowErrorBox(true);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox(cols[i].header, "请从列表中选择：" + String.join("、", cols[i].options()));
                validation.setSuppressDropDownArrow(true);
                sheet.addValidationData(validation);
            }
            sheet.createFreezePane(0, 1);
            instructions(workbook, header);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Col col, MemberRecord m, Directory directory) {
        return switch (col) {
            case CODE -> m.code();
            case NAME -> m.name();
            case GENDER -> m.gender() == null ? null : m.gender().label();
            case BIRTH -> m.birthDate();
            case ID_CARD -> m.idCardMasked();
            case PHONE -> m.phone();
            case JOINED -> m.joinedOn();
            case TYPE -> m.type().label();
            case CATEGORY -> Labels.category(m.category());
            case UNIT -> directory.label(m.unitId());
            case STATUS -> m.status().label();
        };
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook, boolean required) {
        Font font = workbook.createFont();
        font.setBold(true);
        if (required) {
            font.setColor(IndexedColors.RED.getIndex());
        }
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static void instructions(XSSFWorkbook workbook, CellStyle header) {
        XSSFSheet sheet = workbook.createSheet("填写说明");
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        String[] heads = {"列名", "是否必填", "填写说明", "示例"};
        Row head = sheet.createRow(0);
        for (int i = 0; i < heads.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(heads[i]);
            cell.setCellStyle(header);
        }
        int r = 1;
        for (Col col : Col.values()) {
            Row row = sheet.createRow(r++);
            String[] values = {col.header, col.required ? "必填" : "选填", col.explanation, col.example};
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(values[i]);
                cell.setCellStyle(wrap);
            }
        }
        r++;
        for (String note : List.of(
                "1. 在“花名册”工作表中每行填写一名党员；第一行是表头，请不要修改列名。红色列名为必填列。",
                "2. 党员编号为空的行新增党员；党员编号与系统中已有党员相同的行更新该党员，未填写的选填列保留系统中原有的信息。",
                "3. 导入前系统逐行检查；只要有一行有错误，整个文件都不会导入，并列出每一行的问题和修改方法，改正后重新上传即可。",
                "4. 可以上传 .xlsx 文件，也可以上传 CSV 文件（UTF-8 或 GBK 编码，列名相同）。")) {
            Cell cell = sheet.createRow(r++).createCell(0);
            cell.setCellValue(note);
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 70 * 256);
        sheet.setColumnWidth(3, 22 * 256);
    }
}
