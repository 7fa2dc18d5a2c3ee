package cn.vanguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.vanguard.sheet.HostileFiles;
import cn.vanguard.sheet.HostileFiles.Hostile;

/**
 * Every input of the {@code score} command, tried with every hostile file of its kind: each run ends with status 2 and
 * problems that say which limit, in the language asked for, never an exception or an exhausted heap. (The command
 * reads ledgers of tens of millions of rows, so its row limit is not tried here: see TableLimitsTest.)
 */
class HostileInputsCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    private Path members() throws IOException {
        return write("members.csv", "member_id,member_type\nM1,FORMAL\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The option, the header its file needs, and the preset it is read against. */
    private record Input(String option, List<String> header, String preset) {
    }

    @Test
    void everyHostileTableInputEndsWithAProblemNamingItsLimit() throws IOException {
        List<Input> inputs = List.of(
                new Input("--members", List.of("member_id", "member_type"), "city-direct-organs"),
                new Input("--entries", List.of("member_id", "item", "date"), "city-direct-organs"),
                new Input("--assessments", List.of("member_id", "item", "value"), "city-direct-organs"),
                new Input("--votes", List.of("member_id", "好", "一般", "差"), "district-80-20"),
                new Input("--previous", List.of("member_id", "total"), "city-direct-organs"));
        for (Input input : inputs) {
            List<Hostile> files = new ArrayList<>(HostileFiles.tables(input.header(), 10).stream()
                    .filter(f -> !f.name().startsWith("long")).toList());
            for (Hostile file : files) {
                Path path = write(input.option().substring(2) + "-" + file.name(), file.bytes());
                for (String lang : List.of("zh", "en")) {
                    List<String> args = new ArrayList<>(List.of("score", "--preset", input.preset(), "--year", "2025", "--lang", lang));
                    if (input.option().equals("--members")) {
                        args.addAll(List.of("--members", path.toString()));
                    } else {
                        args.addAll(List.of("--members", members().toString(), input.option(), path.toString()));
                    }
                    Run run = run(args);
                    assertThat(run.status()).as(input.option() + " " + file.name()).isEqualTo(2);
                    assertThat(run.out()).isEmpty();
                    if (lang.equals("zh")) {
                        assertThat(run.err()).as(input.option() + " " + file.name()).contains(path.toString()).contains(file.expected());
                    } else {
                        assertThat(run.err()).as(input.option() + " " + file.name()).contains(path.toString())
                                .doesNotContain("上限").doesNotContain("不是有效").containsAnyOf("the limit", "UTF-8", "not an .xlsx workbook");
                    }
                }
            }
        }
    }

    @Test
    void everyHostileSchemeFileEndsWithAProblemNamingItsLimit() throws IOException {
        Map<String, List<String>> files = Map.of(
                HostileFiles.billionLaughs(9), List.of("引用（*别名）列表或键值对超过 20 处的上限", "more than 20 aliases"),
                HostileFiles.deeplyNested(5_000), List.of("嵌套超过 30 层的上限", "more than 30 deep"),
                HostileFiles.oversized(600_000), List.of("方案文件超过 500000 个字符的上限", "longer than 500000 characters"),
                HostileFiles.oversized(2_000_000), List.of("方案文件超过 500000 个字符的上限", "longer than 500000 characters"));
        int i = 0;
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            Path scheme = write("scheme" + i++ + ".yaml", file.getKey().getBytes(StandardCharsets.UTF_8));
            for (int lang = 0; lang < 2; lang++) {
                Run run = run(List.of("score", "--scheme", scheme.toString(), "--year", "2025", "--members", members().toString(),
                        "--lang", lang == 0 ? "zh" : "en"));
                assertThat(run.status()).as(file.getValue().get(lang)).isEqualTo(2);
                assertThat(run.err()).as(file.getValue().get(lang)).contains(file.getValue().get(lang));
            }
        }
    }
}
