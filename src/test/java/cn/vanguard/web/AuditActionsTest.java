package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.vanguard.cycle.PeriodStatus;
import cn.vanguard.ledger.EntrySource;

/**
 * Every action the application records has a Chinese label, and so has every field a record names inline: the test
 * reads the sources for each {@code audit.record(…)}, so that a new action without a label fails here, not on a
 * secretary's screen.
 */
class AuditActionsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    /** An action built as a prefix and an enum constant's name: the enums whose every constant may follow. */
    private static final Map<String, List<String>> PREFIXED = Map.of(
            "ENTRY_", Stream.of(EntrySource.values()).map(Enum::name).toList(),
            "PERIOD_", Stream.of(PeriodStatus.values()).map(Enum::name).toList());
    private static final Pattern KEY = Pattern.compile("(?:Map\\.of\\(|, |(?:after|before|fields|map)\\.put\\()\"([a-z][a-zA-Z0-9]*)\",");

    @Test
    void everyRecordedActionHasAChineseLabel() throws IOException {
        TreeSet<String> actions = new TreeSet<>();
        for (Call call : calls()) {
            String action = call.args().get(1).strip();
            if (action.matches("\"[A-Z_]+\"\\s*\\+.*")) {
                String prefix = action.substring(1, action.indexOf('"', 1));
                assertThat(PREFIXED).as("%s: an action built from %s", call.file(), prefix).containsKey(prefix);
                PREFIXED.get(prefix).forEach(name -> actions.add(prefix + name));
            } else if (action.matches("[a-z][A-Za-z]*")) {
                // a parameter: the literals the file passes first to its own helper
                Matcher m = Pattern.compile("\\(\\s*\"([A-Z][A-Z0-9_]*)\"").matcher(call.source());
                int before = actions.size();
                while (m.find()) {
                    actions.add(m.group(1));
                }
                assertThat(actions.size()).as("%s passes the action %s: no literal found", call.file(), action).isGreaterThan(before);
            } else {
                Matcher m = LITERAL.matcher(action);
                assertThat(m.find()).as("%s: action %s", call.file(), action).isTrue();
                do {
                    actions.add(m.group(1));
                } while (m.find());
            }
        }
        assertThat(actions).contains("LOGIN", "ROSTER_IMPORTED", "ENTRIES_IMPORTED", "OBJECTION_EVIDENCE_ADDED", "PERIOD_PUBLISHED",
                "ENTRY_CHECKED", "ATTACHMENT_VIEWED", "OBJECTION_EVIDENCE_VIEWED", "MEMBER_ACCOUNTS_CREATED");
        List<String> unlabelled = actions.stream().filter(a -> !AuditActions.LABELS.containsKey(a)).toList();
        assertThat(unlabelled).as("actions recorded without a Chinese label in AuditActions").isEmpty();
        assertThat(actions.stream().map(AuditText::action)).allMatch(label -> label.codePoints().anyMatch(c -> c > 0x2E80));
    }

    @Test
    void everyFieldARecordNamesHasAChineseLabel() throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        for (Call call : calls()) {
            for (String arg : call.args().subList(6, call.args().size())) {
                Matcher m = KEY.matcher(arg);
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
            Matcher m = Pattern.compile("(?:after|before|fields|map)\\.put\\(\"([a-z][a-zA-Z0-9]*)\",").matcher(call.source());
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        assertThat(keys).contains("file", "rows", "added", "sessionsEnded", "status");
        assertThat(keys.stream().filter(k -> AuditText.field(k).equals(k)).toList()).as("fields without a Chinese name in AuditText").isEmpty();
    }

    @Test
    void everyKindOfObjectRecordedHasAName() throws IOException {
        TreeSet<String> types = new TreeSet<>();
        for (Call call : calls()) {
            Matcher m = Pattern.compile("^\"([a-z_]+)\"$").matcher(call.args().get(2).strip());
            if (m.find()) {
                types.add(m.group(1));
            }
        }
        assertThat(types).contains("account", "ledger_entry", "objection");
        assertThat(types.stream().filter(t -> !AuditActions.OBJECTS.containsKey(t)).toList()).isEmpty();
    }

    record Call(Path file, String source, List<String> args) {
    }

    /** Each {@code audit.record(…)} of the main sources, with its arguments split at the top level. */
    static List<Call> calls() throws IOException {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                int at = source.indexOf("audit.record(");
                while (at >= 0) {
                    calls.add(new Call(file, source, arguments(source, at + "audit.record(".length())));
                    at = source.indexOf("audit.record(", at + 1);
                }
            }
        }
        assertThat(calls).hasSizeGreaterThan(50);
        return calls;
    }

    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder arg = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                arg.append(c);
                if (c == '\\') {
                    arg.append(source.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    args.add(arg.toString());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(arg.toString());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        throw new AssertionError("unclosed audit.record( call");
    }
}
