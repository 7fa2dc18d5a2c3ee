package cn.vanguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No module's SQL reads another module's tables: a module that needs another's data calls its Java API, so that a
 * table can change with its owner alone. Scans the SQL in every string literal and text block of the main sources for
 * the tables it names after {@code from}, {@code join}, {@code into}, {@code update} or {@code exists}.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/vanguard");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Every table of the migrations and the module that owns it; "(root)" is the shared infrastructure. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("org_unit", "org"), Map.entry("member", "org"), Map.entry("member_transfer", "org"),
            Map.entry("account", "security"), Map.entry("role_grant", "security"), Map.entry("api_token", "security"),
            Map.entry("login_address", "security"), Map.entry("activation_code", "security"), Map.entry("spring_session", "security"),
            Map.entry("spring_session_attributes", "security"),
            Map.entry("ledger_entry", "ledger"), Map.entry("attachment", "ledger"), Map.entry("idempotency_key", "ledger"),
            Map.entry("imported_file", "ledger"), Map.entry("ledger_import", "ledger"), Map.entry("assessment", "ledger"),
            Map.entry("ledger_chain", "ledger"), Map.entry("ledger_chain_head", "ledger"),
            Map.entry("scheme_version", "rules"), Map.entry("audit_log", "audit"),
            Map.entry("standing", "standings"), Map.entry("standing_detail", "standings"), Map.entry("standing_population", "standings"),
            Map.entry("calendar_day", "calendar"),
            Map.entry("evaluation_period", "cycle"), Map.entry("period_move", "cycle"), Map.entry("period_snapshot", "cycle"),
            Map.entry("snapshot_head", "cycle"), Map.entry("snapshot_line", "cycle"), Map.entry("snapshot_entry", "cycle"),
            Map.entry("snapshot_answer", "cycle"), Map.entry("objection", "cycle"), Map.entry("objection_file", "cycle"),
            Map.entry("shedlock", "(root)"));

    /**
     * Reads left across a boundary, by file; the test fails when one no longer happens, so the list can only shrink. None
     * is left: an entry's scope (the unit its member belongs to now) is read through the organisation's published view.
     */
    static final Map<String, Set<String>> KNOWN = Map.of();

    /**
     * The views a module publishes for other modules' queries (its read contract: it may change its tables and keep
     * these), and the module that owns them. Other modules may read a published view, never write through it.
     */
    static final Map<String, String> PUBLISHED = Map.of("member_place", "org", "unit_place", "org");

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update|exists|table)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern CREATED = Pattern.compile("create table (?:if not exists )?([a-z_][a-z0-9_]*)");
    private static final Pattern VIEW = Pattern.compile("create (?:or replace )?view ([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile("\\b(?:into|update)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file).toLowerCase(Locale.ROOT));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        assertThat(OWNERS.keySet()).as("a new table gets its owning module here").containsAll(created);
    }

    @Test
    void everyViewOfTheMigrationsIsPublishedByItsOwnerAndOnlyRead() throws IOException {
        Set<String> views = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = VIEW.matcher(Files.readString(file).toLowerCase(Locale.ROOT));
                while (m.find()) {
                    views.add(m.group(1));
                }
            }
        }
        assertThat(views).as("a new view is published here with its owner").isEqualTo(PUBLISHED.keySet());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
        }
        for (Path file : files) {
            Matcher literal = LITERAL.matcher(Files.readString(file));
            while (literal.find()) {
                String text = (literal.group(1) != null ? literal.group(1) : literal.group(2)).toLowerCase(Locale.ROOT);
                Matcher write = WRITE.matcher(text);
                while (write.find()) {
                    assertThat(PUBLISHED).as(file + " writes through a view").doesNotContainKey(write.group(1));
                }
            }
        }
    }

    @Test
    void noModulesSqlNamesAnotherModulesTable() throws IOException {
        Map<String, Set<String>> found = foreignTables();
        Map<String, Set<String>> unexpected = new TreeMap<>();
        found.forEach((file, tables) -> {
            Set<String> extra = new TreeSet<>(tables);
            extra.removeAll(KNOWN.getOrDefault(file, Set.of()));
            if (!extra.isEmpty()) {
                unexpected.put(file, extra);
            }
        });
        assertThat(unexpected).as("SQL reading another module's tables: call the owner's Java API instead").isEmpty();
    }

    @Test
    void theKnownCrossingsStillExistOrAreStruckOff() throws IOException {
        Map<String, Set<String>> found = foreignTables();
        KNOWN.forEach((file, tables) -> assertThat(found.getOrDefault(file, Set.of()))
                .as(file + " no longer reads these tables: strike them from KNOWN").containsAll(tables));
    }

    @Test
    void theScanFindsAForeignTable() {
        assertThat(foreignTables("security", "jdbc.sql(\"select a.id from account a left join member m on m.id = a.member_id\")"))
                .containsExactly("member");
        assertThat(foreignTables("security", "jdbc.sql(\"\"\"\n    select a.id from account a\n    join org_unit u on u.id = a.unit\"\"\")"))
                .containsExactly("org_unit");
        assertThat(foreignTables("org", "jdbc.sql(\"insert into member (unit_id, name) values (:unit, :member)\")")).isEmpty();
        assertThat(foreignTables("ledger", "// select * from member, in a comment, is not SQL")).isEmpty();
    }

    private static Map<String, Set<String>> foreignTables() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
        }
        for (Path file : files) {
            Path relative = SOURCES.relativize(file);
            String module = relative.getNameCount() == 1 ? "(root)" : relative.getName(0).toString();
            Set<String> tables = foreignTables(module, Files.readString(file));
            if (!tables.isEmpty()) {
                found.put(relative.toString().replace('\\', '/'), tables);
            }
        }
        return found;
    }

    private static Set<String> foreignTables(String module, String source) {
        Set<String> tables = new TreeSet<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String text = (literal.group(1) != null ? literal.group(1) : literal.group(2)).toLowerCase(Locale.ROOT);
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                String owner = OWNERS.get(table.group(1));
                if (owner != null && !owner.equals(module)) {
                    tables.add(table.group(1));
                }
            }
        }
        return tables;
    }
}
