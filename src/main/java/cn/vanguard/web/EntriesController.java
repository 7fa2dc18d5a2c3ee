package cn.vanguard.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import cn.vanguard.sheet.Dates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.ledger.Attachments;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.ledger.RowsInvalid;
import cn.vanguard.ledger.Upload;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitPaths;
import cn.vanguard.org.Units;
import cn.vanguard.review.Review;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The ledger in the browser (the list is {@link LedgerListController}'s): fast entry of many rows, the ledger file template, an entry's page, its evidence
 * and its reversal; the import is {@link LedgerImportController}'s and the review's actions are {@link ReviewController}'s.
 */
@Controller
class EntriesController {

    private final Ledger ledger;
    private final Attachments attachments;
    private final Members members;
    private final Units units;
    private final Schemes schemes;
    private final Guard guard;
    private final Clock clock;
    private final Review review;
    private final UnitPaths unitPaths;

    EntriesController(Ledger ledger, Attachments attachments, Members members, Units units, Schemes schemes, Guard guard, Clock clock,
                      Review review, UnitPaths unitPaths) {
        this.unitPaths = unitPaths;
        this.ledger = ledger;
        this.review = review;
        this.attachments = attachments;
        this.members = members;
        this.units = units;
        this.schemes = schemes;
        this.guard = guard;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ fast entry

    /** The form of fast entry: shared defaults and rows; strings, so that mistakes are shown back as typed. */
    public static class FastEntryForm {
        private Long unitId;
        private String defaultItem;
        private String defaultDate;
        private List<Row> rows = new ArrayList<>();

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public String getDefaultItem() { return defaultItem; }
        public void setDefaultItem(String defaultItem) { this.defaultItem = defaultItem; }
        public String getDefaultDate() { return defaultDate; }
        public void setDefaultDate(String defaultDate) { this.defaultDate = defaultDate; }
        public List<Row> getRows() { return rows; }
        public void setRows(List<Row> rows) { this.rows = rows; }
    }

    public static class Row {
        private String member;
        private String item;
        private String date;
        private String quantity;
        private String points;
        private String occurrence;
        private String note;
        private String witnesses;
        private String key = UUID.randomUUID().toString();

        public String getMember() { return member; }
        public void setMember(String member) { this.member = member; }
        public String getItem() { return item; }
        public void setItem(String item) { this.item = item; }
        public String getDate() { return date; }
        public void setDate(String date) { this.date = date; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String quantity) { this.quantity = quantity; }
        public String getPoints() { return points; }
        public void setPoints(String points) { this.points = points; }
        public String getOccurrence() { return occurrence; }
        public void setOccurrence(String occurrence) { this.occurrence = occurrence; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public String getWitnesses() { return witnesses; }
        public void setWitnesses(String witnesses) { this.witnesses = witnesses; }
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }

        boolean blank() {
            return (member == null || member.isBlank());
        }
    }

    @GetMapping("/entries/new")
    String newEntries(@RequestParam(required = false) Long unitId, Model model) {
        guard.requireAnywhere(Permission.RECORD_ENTRIES);
        if (unitId != null) {
            guard.require(Permission.RECORD_ENTRIES, unitId);
        }
        FastEntryForm form = new FastEntryForm();
        form.setUnitId(unitId != null ? unitId : defaultUnit(Permission.RECORD_ENTRIES));
        form.setDefaultDate(LocalDate.now(clock).toString());
        for (int i = 0; i < 8; i++) {
            form.getRows().add(new Row());
        }
        return fastEntryPage(form, Map.of(), model);
    }

    /** More empty rows for the fast entry grid (htmx). */
    @GetMapping("/entries/new/rows")
    String moreRows(@RequestParam int from, @RequestParam long unitId, @RequestParam(defaultValue = "5") int count, Model model) {
        guard.require(Permission.RECORD_ENTRIES, unitId);
        model.addAttribute("items", schemes.effective(unitId, LocalDate.now(clock).getYear()).map(EntriesController::recordable).orElse(List.of()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 50); i++) {
            rows.add(new Row());
        }
        model.addAttribute("newRows", rows);
        model.addAttribute("offset", from);
        return "entries/new :: more-rows";
    }

    private Long defaultUnit(Permission permission) {
        Optional<Long> own = Optional.ofNullable(guard.current().memberId()).flatMap(members::find).map(MemberRecord::unitId)
                .map(u -> units.branchOf(u).id()).filter(u -> guard.can(permission, u));
        if (own.isPresent()) {
            return own.get();
        }
        return guard.roots(permission).stream().findFirst().orElseGet(() ->
                units.visibleTree().stream().map(Unit::id).filter(u -> guard.can(permission, u)).findFirst().orElse(null));
    }

    private String fastEntryPage(FastEntryForm form, Map<Integer, Map<String, String>> rowErrors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("units", units.visibleTree().stream().filter(u -> guard.can(Permission.RECORD_ENTRIES, u.id())).toList());
        List<MemberRecord> people = form.getUnitId() == null ? List.of()
                : members.search(new Members.Query(form.getUnitId(), null, null, null, null), 2000).stream()
                .filter(m -> m.status() != MemberStatus.TRANSFERRED_OUT).toList();
        model.addAttribute("people", people);
        Optional<PublishedScheme> scheme = form.getUnitId() == null ? Optional.empty()
                : schemes.effective(form.getUnitId(), LocalDate.now(clock).getYear());
        model.addAttribute("scheme", scheme.orElse(null));
        model.addAttribute("items", scheme.map(s -> recordable(s)).orElse(List.of()));
        return "entries/new";
    }

    static List<Item> recordable(PublishedScheme scheme) {
        return cn.vanguard.ledger.LedgerTemplate.recordable(scheme.scheme());
    }

    @PostMapping("/entries/new")
    String record(@ModelAttribute("form") FastEntryForm form, Model model, RedirectAttributes redirect) {
        guard.requireAnywhere(Permission.RECORD_ENTRIES);
        if (form.getUnitId() != null) {
            guard.require(Permission.RECORD_ENTRIES, form.getUnitId());
        }
        List<NewEntry> entries = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<Integer, Map<String, String>> rowErrors = new LinkedHashMap<>();
        List<Integer> rowNumbers = new ArrayList<>();
        List<MemberRecord> people = form.getUnitId() == null ? List.of()
                : members.search(new Members.Query(form.getUnitId(), null, null, null, null), 5000);
        for (int i = 0; i < form.getRows().size(); i++) {
            Row row = form.getRows().get(i);
            if (row.blank()) {
                continue;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            MemberRecord member = resolve(row.getMember(), people, errors);
            String item = blank(row.getItem()) ? form.getDefaultItem() : row.getItem();
            LocalDate date = date(blank(row.getDate()) ? form.getDefaultDate() : row.getDate(), errors);
            BigDecimal quantity = number(row.getQuantity(), "quantity", "数量", errors);
            BigDecimal points = number(row.getPoints(), "points", "分值", errors);
            if (blank(item)) {
                errors.put("itemCode", "请选择项目");
            }
            if (!errors.isEmpty()) {
                rowErrors.put(i + 1, errors);
                continue;
            }
            entries.add(new NewEntry(member.id(), item, date, quantity, points, row.getOccurrence(), row.getNote(),
                        row.getWitnesses() == null || row.getWitnesses().isBlank() ? null : row.getWitnesses().strip()));
            keys.add(row.getKey());
            rowNumbers.add(i + 1);
        }
        if (entries.isEmpty() && rowErrors.isEmpty()) {
            model.addAttribute("flashError", "请至少填写一行（选择党员）。");
            return fastEntryPage(form, rowErrors, model);
        }
        if (!rowErrors.isEmpty()) {
            // report every row at once: the rows that passed the form's own checks are checked against the scheme too
            for (int i = 0; i < entries.size(); i++) {
                Map<String, String> problems = ledger.problems(entries.get(i));
                if (!problems.isEmpty()) {
                    rowErrors.put(rowNumbers.get(i), problems);
                }
            }
        } else {
            try {
                List<LedgerEntry> created = ledger.recordAll(entries, keys);
                return Pages.done(redirect, "已录入" + created.size() + "条积分记录，等待支部书记审核。", "/entries?status=PENDING");
            } catch (RowsInvalid e) {
                e.byRow().forEach((index, errors) -> rowErrors.put(rowNumbers.get(index - 1), errors));
            }
        }
        model.addAttribute("flashError", "有" + rowErrors.size() + "行需要修改，全部改好后才会保存（一条都还没有保存）。");
        return fastEntryPage(form, rowErrors, model);
    }

    /** A member typed as "M00001 张三", "M00001" or "张三", among the unit's members. */
    static MemberRecord resolve(String text, List<MemberRecord> people, Map<String, String> errors) {
        String typed = text == null ? "" : text.strip();
        String code = cn.vanguard.sheet.Codes.member(typed);
        for (MemberRecord person : people) {
            if (person.code().equalsIgnoreCase(code)) {
                return person;
            }
        }
        List<MemberRecord> byName = people.stream().filter(p -> p.name().equals(typed)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        errors.put("memberId", byName.isEmpty() ? "“" + typed + "”不是所选组织的党员，请从列表中选择"
                : "有" + byName.size() + "名党员叫“" + typed + "”，请用党员编号区分");
        return null;
    }

    private static LocalDate date(String text, Map<String, String> errors) {
        LocalDate date = Dates.parse(text);
        if (date == null) {
            errors.put("date", "请填写日期");
        }
        return date;
    }

    private static BigDecimal number(String text, String field, String label, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, label + "必须是数字");
            return null;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    // ------------------------------------------------------------------ import (the form and its jobs: LedgerImportController)

    /** A ledger template in the import columns, with one example row. */
    @GetMapping(value = "/entries/template.csv")
    ResponseEntity<byte[]> template() {
        guard.requireAnywhere(Permission.RECORD_ENTRIES);
        String csv = "\uFEFF成员编号,项目编码,日期,数量,分值,事项编号,备注\r\nM00001,ACT_MEETING," + LocalDate.now(clock) + ",1,,,支部党员大会\r\n";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("积分台账模板.csv", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ one entry

    @GetMapping("/entries/{id}")
    String entry(@PathVariable long id, Model model) {
        LedgerEntry entry = ledger.visible(id);
        model.addAttribute("entry", entry);
        model.addAttribute("files", attachments.of(id));
        model.addAttribute("unitPath", unitPaths.of(entry.unitId()));
        model.addAttribute("original", entry.reversesId() == null ? null : ledger.get(entry.reversesId()));
        model.addAttribute("reversal", entry.reversedBy() == null ? null : ledger.get(entry.reversedBy()));
        PublishedScheme scheme = schemes.get(entry.schemeVersionId());
        model.addAttribute("item", scheme.scheme().item(entry.itemCode()));
        model.addAttribute("scheme", scheme);
        model.addAttribute("canCheck", review.mayCheck(entry));
        model.addAttribute("canApprove", review.mayApprove(entry));
        model.addAttribute("canReverse", entry.status() == EntryStatus.APPROVED && entry.reversesId() == null && entry.reversedBy() == null
                && guard.can(Permission.RECORD_ENTRIES, entry.unitId()));
        model.addAttribute("canAttach", entry.status().open() && attachments.mayAdd(entry));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "entries/entry";
    }

    @PostMapping("/entries/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam("files") List<MultipartFile> files, RedirectAttributes redirect) throws IOException {
        try {
            attachments.add(id, uploads(files), ledger);
            return Pages.done(redirect, "证明材料已上传。", "/entries/" + id);
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/entries/" + id);
        }
    }

    @PostMapping("/entries/{id}/reverse")
    String reverse(@PathVariable long id, @RequestParam String reason, @RequestParam String key, RedirectAttributes redirect) {
        try {
            LedgerEntry reversal = ledger.reverse(id, reason, key);
            return Pages.done(redirect, "已提交冲销记录 #" + reversal.id() + "，审核通过后原记录不再计分。", "/entries/" + reversal.id());
        } catch (Invalid | Conflict e) {
            return Pages.failed(redirect, e.getMessage(), "/entries/" + id);
        }
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Attachments.Content content = attachments.content(id, ledger);
        return inline(content.filename(), content.contentType(), content.data());
    }

    /** An evidence file shown in the browser, never sniffed into something else. */
    static ResponseEntity<byte[]> inline(String filename, String contentType, byte[] data) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(contentType))
                .body(data);
    }

    static List<Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (!file.isEmpty()) {
                uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        return uploads;
    }
}
