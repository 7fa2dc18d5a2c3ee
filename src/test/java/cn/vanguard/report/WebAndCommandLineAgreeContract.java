package cn.vanguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.cli.Cli;
import cn.vanguard.demo.DemoOrganisation;
import cn.vanguard.ledger.ChainCheck;
import cn.vanguard.ledger.LedgerChain;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The web application and the {@code score} command are one engine: the demo organisation's live scores equal, member
 * by member, what the command line computes from the same ledger exported in its files.
 */
abstract class WebAndCommandLineAgreeContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DemoOrganisation demo;
    @Autowired
    LedgerChain chain;
    @Autowired
    Guard guard;
    @Autowired
    Scores scores;
    @Autowired
    Schemes schemes;
    @Autowired
    LedgerExport export;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void theDemoScoresTheSameInTheBrowserAndOnTheCommandLine() throws Exception {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin.signIn();
        demo.load(guard.current());
        long committee = fixtures.jdbc().sql("select id from org_unit where name = '中共市发展改革委机关委员会'").query(Long.class).single();
        List<Long> demoUnits = fixtures.jdbc().sql("select id from org_unit where path like (select path from org_unit where id = :c) || '%'")
                .param("c", committee).query(Long.class).list();
        ChainCheck chained = chain.verify(demoUnits);
        assertThat(chained.broken()).as("the demo's entries are chained as the review would have made them").isNull();
        assertThat(chained.entries()).isGreaterThan(100);
        int year = fixtures.year();
        PublishedScheme scheme = schemes.effective(committee, year).orElseThrow();
        List<Scores.MemberScore> web = scores.population(scheme, year, false).scores();
        assertThat(web).hasSizeGreaterThan(80);
        // names a spreadsheet would run as formulas: the export guards them, and the command line reads them back as they are
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "@SUM(1+1)*cmd", "-2+3", "+1-1", "'=1+1", "\t=1");
        Map<String, String> renamed = new HashMap<>();
        for (int i = 0; i < formulas.size(); i++) {
            String code = web.get(i).member().code();
            fixtures.jdbc().sql("update member set name = ? where code = ?").params(formulas.get(i), code).update();
            renamed.put(code, formulas.get(i));
        }

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.zip(scheme, year, committee, zip);
        unzip(zip.toByteArray());
        for (String line : Files.readAllLines(dir.resolve("members.csv"))) {
            for (String cell : line.split(",", -1)) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(text).as("a cell of members.csv: " + line).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+")
                        .doesNotStartWith("\t").satisfiesAnyOf(t -> assertThat(t).doesNotStartWith("-"), t -> assertThat(t).matches("-[0-9.]+"));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new String[] {"score", "--scheme", dir.resolve(scheme.schemeId() + ".yaml").toString(), "--year",
                Integer.toString(year), "--members", dir.resolve("members.csv").toString(), "--entries", dir.resolve("entries.csv").toString(),
                "--assessments", dir.resolve("assessments.csv").toString(), "--lang", "en"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();

        Map<String, Map<String, String>> cli = members(out.toString());
        assertThat(cli).hasSameSizeAs(web);
        int scored = 0;
        for (Scores.MemberScore score : web) {
            MemberResult result = score.result();
            Map<String, String> line = cli.get(score.member().code());
            assertThat(line).as(score.member().code()).isNotNull();
            assertThat(line.get("total")).as("total of " + score.member().code()).isEqualTo(result.total() == null ? null : result.total().toPlainString());
            assertThat(line.get("rank")).as("rank of " + score.member().code()).isEqualTo(result.rank() == null ? null : result.rank().toString());
            assertThat(line.get("grade")).as("grade of " + score.member().code()).isEqualTo(result.grade());
            assertThat(line.get("reason")).as("reason of " + score.member().code()).isEqualTo(result.reason());
            scored += result.scored() ? 1 : 0;
        }
        assertThat(scored).isGreaterThan(50);
        renamed.forEach((code, name) -> assertThat(cli.get(code).get("name")).as("name of " + code).isEqualTo(name));
    }

    private void unzip(byte[] bytes) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Files.write(dir.resolve(entry.getName()), zip.readAllBytes());
            }
        }
    }

    /** member_id → the scalar fields of its result in the command's JSON. */
    private static Map<String, Map<String, String>> members(String json) {
        Map<String, Map<String, String>> members = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.PROPERTY_NAME && "members".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> fields = new HashMap<>();
                        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                            String name = parser.currentName();
                            JsonToken value = parser.nextToken();
                            if (value.isScalarValue()) {
                                fields.put(name, value == JsonToken.VALUE_NULL ? null : parser.getString());
                            } else {
                                parser.skipChildren();
                            }
                        }
                        members.put(fields.get("member_id"), fields);
                    }
                }
            }
        }
        return members;
    }
}
