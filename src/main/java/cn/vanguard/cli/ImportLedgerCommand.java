package cn.vanguard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import cn.vanguard.NotFound;
import cn.vanguard.ledger.ImportProgress;
import cn.vanguard.ledger.ImportResult;
import cn.vanguard.ledger.LedgerImport;
import cn.vanguard.ledger.RowsInvalid.RowProblem;
import cn.vanguard.org.Units;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-ledger --unit ID FILE}: imports a ledger file into a unit of the application's database, all rows or
 * none, as the web page does, with the same checks; for files too large to upload and for scripted loads. It starts
 * the application without its web server, on the datasource the server uses (SPRING_DATASOURCE_URL and its kin), and
 * acts as the system.
 */
@Command(name = "import-ledger", mixinStandardHelpOptions = true,
        description = "Import a ledger file (entries.csv columns, or .xlsx) into a unit of the database: all rows or none, each entry waiting for approval.")
final class ImportLedgerCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    /** A progress line every this many rows. */
    static final int EVERY = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--unit", required = true, paramLabel = "ID", description = "the unit to import into (its id, as the web pages show it)")
    long unitId;

    @Parameters(index = "0", paramLabel = "FILE", description = "the ledger file (.csv or .xlsx)")
    Path file;

    @Option(names = "--lang", paramLabel = "LANG", description = "language of the messages: zh (default) or en; problems of rows are in Chinese")
    Language language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean chinese = language != Language.EN;
        if (!Files.isRegularFile(file)) {
            err.println(file + ": " + (chinese ? "文件不存在" : "no such file"));
            return BAD_INPUT;
        }
        try (ConfigurableApplicationContext context = ServerContext.start(java.util.List.of(), "logging.level.cn.vanguard.ledger.internal=INFO")) {
            String unit;
            try {
                unit = context.getBean(Units.class).get(unitId).name();
            } catch (NotFound e) {
                err.println(chinese ? "组织 " + unitId + " 不存在" : "unit " + unitId + " does not exist");
                return BAD_INPUT;
            }
            out.println(chinese ? "导入 " + file + " 到“" + unit + "”……" : "Importing " + file + " into " + unit + " …");
            long started = System.nanoTime();
            ImportResult result = context.getBean(LedgerImport.class).importAsSystem(unitId, file, progress(out, chinese));
            double seconds = (System.nanoTime() - started) / 1e9;
            return outcome(result, seconds, out, err, chinese);
        }
    }

    private static ImportProgress progress(PrintWriter out, boolean chinese) {
        return new ImportProgress() {
            private int read;
            private int written;

            @Override
            public void read(int rows) {
                if (rows / EVERY > read / EVERY) {
                    out.println(chinese ? "已检查 " + rows + " 行" : "checked " + rows + " rows");
                }
                read = rows;
            }

            @Override
            public void written(int entries) {
                if (entries / EVERY > written / EVERY) {
                    out.println(chinese ? "已写入 " + entries + " 条" : "written " + entries + " entries");
                }
                written = entries;
            }
        };
    }

    private int outcome(ImportResult result, double seconds, PrintWriter out, PrintWriter err, boolean chinese) {
        String name = String.valueOf(file.getFileName());
        if (result.refusal() != null) {
            err.println(name + ": " + result.refusal());
            return BAD_INPUT;
        }
        if (!result.ok()) {
            for (RowProblem problem : result.problems()) {
                err.println(name + (problem.row() > 0 ? ":" + problem.row() : "") + ": "
                        + (chinese ? "“" + problem.field() + "”列：" : "column " + problem.field() + ": ") + problem.message());
            }
            int unlisted = result.problemCount() - result.problems().size();
            if (unlisted > 0) {
                err.println(chinese ? "另有 " + unlisted + " 处问题未列出" : unlisted + " more problems not listed");
            }
            err.println(chinese ? "文件中有 " + result.problemCount() + " 处需要修改，没有导入任何记录"
                    : result.problemCount() + " problems: nothing was imported");
            return BAD_INPUT;
        }
        out.println(chinese
                ? String.format("已导入 %d 条积分记录，等待审核（%.1f 秒，每秒 %.0f 行）", result.imported(), seconds, result.imported() / seconds)
                : String.format("imported %d entries, waiting for approval (%.1f s, %.0f rows/s)", result.imported(), seconds, result.imported() / seconds));
        return 0;
    }
}
