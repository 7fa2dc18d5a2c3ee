package cn.vanguard.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.vanguard.scheme.Assessment;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.PreviousResult;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.ScoringOptions;
import cn.vanguard.scheme.Span;
import cn.vanguard.scheme.Suggestions;
import cn.vanguard.scheme.Votes;
import cn.vanguard.scheme.file.Presets;
import cn.vanguard.scheme.file.SchemeFiles;
import cn.vanguard.scheme.file.SchemeLoad;
import cn.vanguard.scheme.file.SchemeProblem;
import cn.vanguard.sheet.AssessmentFile;
import cn.vanguard.sheet.FileProblem;
import cn.vanguard.sheet.LedgerFile;
import cn.vanguard.sheet.PreviousResults;
import cn.vanguard.sheet.Problems;
import cn.vanguard.sheet.ResultFiles;
import cn.vanguard.sheet.Roster;
import cn.vanguard.sheet.VoteFile;

/** {@code score}: scores a cycle, or one evaluation period of it, from spreadsheet files (formats.md). */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores the members of a roster for a cycle (or one period of it) from spreadsheet files.",
                "Exit status: 0 when done; 2 when an input is wrong (every problem is printed as file:line: message, and nothing is written)."})
final class ScoreCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    static final class SchemeChoice {
        @Option(names = "--preset", paramLabel = "ID", required = true, description = "a built-in scheme (see: presets)")
        String preset;

        @Option(names = "--scheme", paramLabel = "FILE.yaml", required = true, description = "a scheme file (docs/scheme-format.md)")
        Path scheme;
    }

    @ArgGroup(multiplicity = "1")
    SchemeChoice schemeChoice;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the cycle, e.g. 2025")
    int year;

    @Option(names = "--members", required = true, paramLabel = "FILE", description = "members .csv or .xlsx")
    Path members;

    @Option(names = "--entries", paramLabel = "FILE", description = "ledger entries .csv or .xlsx")
    Path entries;

    @Option(names = "--assessments", paramLabel = "FILE", description = "assessments of criteria and levels")
    Path assessments;

    @Option(names = "--votes", paramLabel = "FILE", description = "democratic appraisal votes")
    Path votes;

    @Option(names = "--period", paramLabel = "PERIOD", description = "one evaluation period instead of the cycle: 2025-03, 2025-Q2 or 2025-H1")
    String period;

    @Option(names = "--until", paramLabel = "DATE", description = "the cycle so far: entries after this date are ignored")
    String until;

    @Option(names = "--previous", paramLabel = "FILE", description = "last cycle's results (JSON, CSV or XLSX output of score)")
    Path previous;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default), csv or xlsx")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Option(names = "--explain", description = "include the explanation of every member")
    boolean explain;

    @Option(names = "--lang", paramLabel = "LANG", description = "language of problem messages: en or zh (default: from LANG)")
    Language language;

    enum Format { JSON, CSV, XLSX }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean chinese = Language.of(language) == Language.ZH;
        List<String> usage = checkOptions();
        if (!usage.isEmpty()) {
            usage.forEach(err::println);
            return BAD_INPUT;
        }
        Scheme scheme = scheme(err, chinese);
        if (scheme == null) {
            return BAD_INPUT;
        }
        Problems problems = new Problems();
        List<MemberInput> inputs = readInputs(scheme, problems);
        if (!problems.isEmpty()) {
            for (FileProblem problem : problems.all()) {
                err.println(problem.render(chinese));
            }
            return BAD_INPUT;
        }
        ScoringOptions options = new ScoringOptions(explain, entriesLabel(), null, previous != null, true);
        ScoreSheet sheet = ScoringEngine.score(scheme, span(), inputs, options);
        write(sheet);
        if (out != null) {
            long scored = sheet.members().stream().filter(r -> r.scored()).count();
            err.println((chinese ? "已计分 " + scored + " 人（名单共 " + sheet.members().size() + " 人），结果写入 "
                    : "scored " + scored + " of " + sheet.members().size() + " members, results written to ") + out);
        }
        return 0;
    }

    /** Option combinations picocli cannot check by itself. */
    private List<String> checkOptions() {
        List<String> problems = new ArrayList<>();
        if (period != null && until != null) {
            problems.add("give --period or --until, not both");
        }
        if (period != null) {
            Span span = Span.parsePeriod(period).orElse(null);
            if (span == null) {
                problems.add("--period \"" + period + "\" must be a month (2025-03), a quarter (2025-Q2) or a half (2025-H1)");
            } else if (span.year() != year) {
                problems.add("--period " + period + " is not in --year " + year);
            }
        }
        if (until != null) {
            try {
                LocalDate date = LocalDate.parse(until);
                if (date.getYear() != year) {
                    problems.add("--until " + until + " is not in --year " + year);
                }
            } catch (DateTimeParseException e) {
                problems.add("--until \"" + until + "\" must be a date such as " + year + "-06-30");
            }
        }
        if (format == Format.XLSX && out == null) {
            problems.add("--format xlsx needs --out FILE.xlsx");
        }
        if (year < 1949 || year > 2999) {
            problems.add("--year " + year + " is not a plausible cycle");
        }
        return problems;
    }

    private Span span() {
        if (period != null) {
            return Span.parsePeriod(period).orElseThrow();
        }
        if (until != null) {
            return Span.until(LocalDate.parse(until));
        }
        return Span.year(year);
    }

    private Scheme scheme(PrintWriter err, boolean chinese) throws IOException {
        if (schemeChoice.preset != null) {
            Scheme preset = Presets.get(schemeChoice.preset).orElse(null);
            if (preset == null) {
                String suggestion = Suggestions.closest(schemeChoice.preset, Presets.IDS);
                err.println(chinese
                        ? "没有编号为“" + schemeChoice.preset + "”的方案模板" + (suggestion == null ? "" : "（是否应为 " + suggestion + "？）") + "；可用 presets 命令查看全部模板"
                        : "--preset: no preset \"" + schemeChoice.preset + "\"" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                        + "; run the presets command to list them");
            }
            return preset;
        }
        String text;
        try {
            // four bytes a character at most: a file larger than that is refused before it is read into memory
            if (Files.size(schemeChoice.scheme) > 4L * SchemeFiles.MAX_CHARACTERS) {
                err.println(schemeChoice.scheme + ": " + (chinese ? "方案文件超过 " + SchemeFiles.MAX_CHARACTERS + " 个字符的上限"
                        : "is longer than " + SchemeFiles.MAX_CHARACTERS + " characters, the limit"));
                return null;
            }
            text = Files.readString(schemeChoice.scheme, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(schemeChoice.scheme + ": " + (chinese ? "文件不存在" : "no such file"));
            return null;
        } catch (MalformedInputException e) {
            err.println(schemeChoice.scheme + ": " + (chinese ? "不是UTF-8编码的文本" : "is not UTF-8 text"));
            return null;
        }
        SchemeLoad load = SchemeFiles.read(text);
        for (SchemeProblem problem : load.problems()) {
            err.println(problem.render(schemeChoice.scheme.toString(), chinese));
        }
        return load.scheme();
    }

    private List<MemberInput> readInputs(Scheme scheme, Problems problems) {
        Roster roster = Roster.read(members, problems);
        int size = roster.members().size();
        List<List<Entry>> entryLists = entries == null ? null : LedgerFile.read(entries, scheme, year, roster, problems);
        List<List<Assessment>> assessmentLists = assessments == null ? null : AssessmentFile.read(assessments, scheme, roster, problems);
        Votes[] voteArray = votes == null ? null : VoteFile.read(votes, scheme, roster, problems);
        Map<String, PreviousResult> previousResults = previous == null ? Map.of() : PreviousResults.read(previous, problems);
        List<MemberInput> inputs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Member member = roster.members().get(i);
            inputs.add(new MemberInput(member,
                    entryLists == null ? List.of() : entryLists.get(i),
                    assessmentLists == null ? List.of() : assessmentLists.get(i),
                    voteArray == null || voteArray[i] == null ? List.of() : List.of(voteArray[i]),
                    previousResults.get(member.id())));
        }
        return Collections.unmodifiableList(inputs);
    }

    private String entriesLabel() {
        return entries == null || entries.getFileName() == null ? "" : entries.getFileName() + ":";
    }

    /** Writes the results; to a file only once they are complete, so a failed run never leaves half a file. */
    private void write(ScoreSheet sheet) throws IOException {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            writeText(sheet, stdout);
            stdout.flush();
            return;
        }
        Path absolute = out.toAbsolutePath();
        // beside the target, so that the final move is atomic; created like any file, so it gets the usual permissions
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (format == Format.XLSX) {
                    ResultFiles.writeXlsx(sheet, stream);
                } else {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                    writeText(sheet, writer);
                    writer.flush();
                }
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeText(ScoreSheet sheet, Writer writer) throws IOException {
        if (format == Format.CSV) {
            ResultFiles.writeCsv(sheet, writer);
        } else {
            ResultFiles.writeJson(sheet, writer);
        }
    }
}
