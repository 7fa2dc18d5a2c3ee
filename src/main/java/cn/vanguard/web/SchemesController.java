package cn.vanguard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.SchemeRejected;
import cn.vanguard.scheme.file.SchemeFiles;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.file.Presets;
import cn.vanguard.scheme.file.SchemeProblem;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Schemes in the browser: the versions one may read and which applies to each unit, a version written out in Chinese
 * (with its interpretations marked 解读), its YAML, and publishing a preset, a file or an edited copy. Published
 * versions are immutable: there is nothing to edit or delete here.
 */
@Controller
class SchemesController {

    private final Schemes schemes;
    private final Units units;
    private final Members members;
    private final Guard guard;
    private final Clock clock;

    SchemesController(Schemes schemes, Units units, Members members, Guard guard, Clock clock) {
        this.schemes = schemes;
        this.units = units;
        this.members = members;
        this.guard = guard;
        this.clock = clock;
    }

    /** A unit and the scheme that applies to it in the year: its own ({@code own}), one inherited from above, or none. */
    record Applies(Unit unit, PublishedScheme scheme, boolean own) {
    }

    /** A preset as the publishing form offers it. */
    record PresetChoice(String id, String name, String source, String description) {
    }

    @GetMapping("/schemes")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int cycle = year == null ? thisYear() : year;
        List<PublishedScheme> versions = schemes.visibleVersions();
        Map<Long, PublishedScheme> byId = new LinkedHashMap<>();
        versions.forEach(v -> byId.put(v.id(), v));
        List<Applies> applies = new ArrayList<>();
        for (Unit unit : readableUnits()) {
            Optional<PublishedScheme> effective = schemes.effective(unit.id(), cycle);
            applies.add(new Applies(unit, effective.orElse(null), effective.map(s -> s.unitId() == unit.id()).orElse(false)));
        }
        model.addAttribute("versions", versions);
        model.addAttribute("byId", byId);
        model.addAttribute("applies", applies);
        model.addAttribute("year", cycle);
        model.addAttribute("years", List.of(thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2));
        model.addAttribute("canPublish", guard.canAnywhere(Permission.PUBLISH_SCHEMES));
        return "schemes/list";
    }

    /** The units whose schemes concern the user: their VIEW_SCHEMES scope, and their own member record's unit. */
    private List<Unit> readableUnits() {
        List<Long> ids = guard.units(Permission.VIEW_SCHEMES);
        List<Unit> found = new ArrayList<>();
        if (ids == null) {
            found.addAll(units.visibleTree());
        } else {
            ids.forEach(id -> units.find(id).ifPresent(found::add));
        }
        Long memberId = guard.current().memberId();
        if (memberId != null) {
            members.find(memberId).flatMap(m -> units.find(m.unitId()))
                    .filter(u -> found.stream().noneMatch(f -> f.id() == u.id())).ifPresent(found::add);
        }
        return units.treeOrder(found.stream().filter(u -> !u.closed()).toList());
    }

    @GetMapping("/schemes/{id}")
    String show(@PathVariable long id, Model model) {
        PublishedScheme version = schemes.visible(id);
        model.addAttribute("version", version);
        model.addAttribute("reading", SchemeReading.of(version.scheme()));
        PublishedScheme copiedFrom = version.copiedFrom() == null ? null : schemes.get(version.copiedFrom());
        model.addAttribute("copiedFrom", copiedFrom);
        model.addAttribute("copiedFromReadable", copiedFrom != null && schemes.readable(copiedFrom.unitId()));
        model.addAttribute("canPublish", guard.canAnywhere(Permission.PUBLISH_SCHEMES));
        return "schemes/show";
    }

    /** A preset written out like a published version, to read before publishing it. */
    @GetMapping("/schemes/presets/{presetId}")
    String preset(@PathVariable String presetId, Model model) {
        Scheme scheme = Presets.get(presetId).orElseThrow(() -> new NotFound("没有编号为“" + presetId + "”的方案模板"));
        model.addAttribute("presetId", presetId);
        model.addAttribute("reading", SchemeReading.of(scheme));
        return "schemes/show";
    }

    @GetMapping("/schemes/{id}/yaml")
    ResponseEntity<byte[]> yaml(@PathVariable long id) {
        PublishedScheme version = schemes.visible(id);
        String filename = version.schemeId() + "-" + version.year() + "-v" + version.versionNo() + ".yaml";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(version.yaml().getBytes(StandardCharsets.UTF_8));
    }

    // Publishing a preset

    @GetMapping("/schemes/publish")
    String publishForm(@RequestParam(required = false) Long unitId, Model model) {
        guard.requireAnywhere(Permission.PUBLISH_SCHEMES);
        model.addAttribute("form", new PresetForm(unitId, thisYear(), null));
        return presetPage(model, Map.of());
    }

    /** What the preset form posts. */
    record PresetForm(Long unitId, Integer year, String preset) {
    }

    @PostMapping("/schemes/publish")
    String publish(PresetForm form, Model model, RedirectAttributes redirect) {
        guard.requireAnywhere(Permission.PUBLISH_SCHEMES);
        model.addAttribute("form", form);
        try {
            Map<String, String> errors = required(form.unitId(), form.year());
            if (form.preset() == null || form.preset().isBlank()) {
                errors.put("preset", "请选择方案模板");
            }
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            PublishedScheme published = schemes.publishPreset(form.unitId(), form.year(), form.preset());
            return Pages.done(redirect, published(published), "/schemes/" + published.id());
        } catch (Invalid e) {
            Pages.invalid(model, e, "schemes/publish");
            return presetPage(model, e.errors());
        }
    }

    private String presetPage(Model model, Map<String, String> errors) {
        model.addAttribute("units", publishableUnits());
        model.addAttribute("presets", Presets.IDS.stream().map(id -> {
            Scheme scheme = Presets.get(id).orElseThrow();
            String source = SchemeReading.documentTitle(scheme);
            return new PresetChoice(id, scheme.name(), source, scheme.description());
        }).toList());
        model.addAttribute("errors", errors);
        return "schemes/publish";
    }

    // Uploading a scheme file

    @GetMapping("/schemes/upload")
    String uploadForm(@RequestParam(required = false) Long unitId, Model model) {
        guard.requireAnywhere(Permission.PUBLISH_SCHEMES);
        model.addAttribute("form", new FileForm(unitId, thisYear(), null, null));
        return filePage(model, Map.of(), null);
    }

    /** What the upload form and the editor post: a unit, a year, and the scheme as a file or as text. */
    record FileForm(Long unitId, Integer year, String yaml, String filename) {
    }

    @PostMapping("/schemes/upload")
    String upload(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String yaml,
                  Model model, RedirectAttributes redirect) throws IOException {
        guard.requireAnywhere(Permission.PUBLISH_SCHEMES);
        String text = yaml;
        String filename = null;
        if (file != null && !file.isEmpty()) {
            filename = file.getOriginalFilename();
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                model.addAttribute("form", new FileForm(unitId, year, null, filename));
                return filePage(model, Map.of("yaml", "“" + filename + "”不是UTF-8编码的文本：请用文本编辑器另存为UTF-8后重新上传"), null,
                        "schemes/upload");
            }
        }
        FileForm form = new FileForm(unitId, year, text, filename);
        model.addAttribute("form", form);
        return publishText(form, null, model, redirect, "schemes/upload");
    }

    // Copying a version into the editor

    @GetMapping("/schemes/{id}/copy")
    String copyForm(@PathVariable long id, Model model) {
        guard.requireAnywhere(Permission.PUBLISH_SCHEMES);
        PublishedScheme source = schemes.visible(id);
        model.addAttribute("source", source);
        List<Unit> publishable = publishableUnits();
        Long unitId = publishable.stream().filter(u -> u.id() != source.unitId()).map(Unit::id).findFirst()
                .orElse(publishable.isEmpty() ? null : publishable.get(0).id());
        model.addAttribute("form", new FileForm(unitId, source.year(), source.yaml(), null));
        return filePage(model, Map.of(), null, "schemes/copy");
    }

    @PostMapping("/schemes/{id}/copy")
    String copy(@PathVariable long id, FileForm form, Model model, RedirectAttributes redirect) {
        guard.requireAnywhere(Permission.PUBLISH_SCHEMES);
        model.addAttribute("source", schemes.visible(id));
        model.addAttribute("form", form);
        return publishText(form, id, model, redirect, "schemes/copy");
    }

    private String publishText(FileForm form, Long copiedFrom, Model model, RedirectAttributes redirect, String view) {
        try {
            Map<String, String> errors = required(form.unitId(), form.year());
            if (form.yaml() == null || form.yaml().isBlank()) {
                errors.put("yaml", copiedFrom == null ? "请选择方案文件，或把方案内容粘贴在下面" : "方案内容不能为空");
            }
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            PublishedScheme published = schemes.publishFile(form.unitId(), form.year(), form.yaml(), copiedFrom);
            return Pages.done(redirect, published(published), "/schemes/" + published.id());
        } catch (Invalid e) {
            Pages.invalid(model, e, view);
            return filePage(model, e.errors(), null, view);
        } catch (SchemeRejected e) {
            model.addAttribute("flashError", "方案文件有" + e.problems().size() + "处问题，未发布。请按下面标出的行修改后重新提交。");
            if (form.yaml().length() > SchemeFiles.MAX_CHARACTERS) {
                // a text past the limit is not sent back into the page: the problem says what to do with it
                model.addAttribute("form", new FileForm(form.unitId(), form.year(), null, form.filename()));
                return filePage(model, Map.of("yaml", e.problems().get(0).chinese()), null, view);
            }
            return filePage(model, Map.of(), FileListing.of(form.yaml(), e.problems()), view);
        }
    }

    private String filePage(Model model, Map<String, String> errors, FileListing listing) {
        return filePage(model, errors, listing, "schemes/upload");
    }

    private String filePage(Model model, Map<String, String> errors, FileListing listing, String view) {
        model.addAttribute("units", publishableUnits());
        model.addAttribute("errors", errors);
        model.addAttribute("listing", listing);
        return view;
    }

    private static Map<String, String> required(Long unitId, Integer year) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (unitId == null) {
            errors.put("unitId", "请选择组织");
        }
        if (year == null) {
            errors.put("year", "请填写年度");
        }
        return errors;
    }

    private static String published(PublishedScheme published) {
        return "已为“" + published.unitName() + "”发布" + published.year() + "年度方案“" + published.name() + "”第" + published.versionNo() + "版。";
    }

    /** Open units where the user may publish, in tree order. */
    private List<Unit> publishableUnits() {
        return units.visibleTree().stream().filter(u -> !u.closed() && guard.can(Permission.PUBLISH_SCHEMES, u.id())).toList();
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /** A rejected file, line by line, each problem under the line it is on. */
    record FileListing(List<Line> lines, List<String> general, int count) {

        record Line(int number, String text, List<SchemeProblem> problems) {
        }

        static FileListing of(String text, List<SchemeProblem> problems) {
            String[] raw = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < raw.length; i++) {
                int number = i + 1;
                lines.add(new Line(number, raw[i], problems.stream().filter(p -> p.line() == number).toList()));
            }
            List<String> general = problems.stream().filter(p -> p.line() < 1 || p.line() > raw.length)
                    .map(p -> (p.path().isEmpty() ? "" : p.path() + "：") + p.chinese()).filter(Objects::nonNull).toList();
            return new FileListing(lines, general, problems.size());
        }
    }
}
