package cn.vanguard.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;

/** Entry point of the command line: {@code java -jar vanguard.jar score …}, {@code presets}, {@code import-ledger}, {@code rebuild-standings}, {@code verify-ledger}. */
public final class Cli {

    /** Options that belong to the command line rather than to the application server's --key=value settings. */
    private static final Set<String> OPTIONS = Set.of("--help", "-h", "--version", "-V");

    private Cli() {
    }

    /** A first argument that is a word (a command, or a mistyped one) or a help option selects the command line. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || OPTIONS.contains(args[0]));
    }

    /** Runs the command and returns its exit status: 0 done, 2 bad input or usage. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(args, out, err);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new VanguardCommand());
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("vanguard: unexpected error: " + e);
            e.printStackTrace(err);
            return 1;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Problems are printed in Chinese when the environment's language is Chinese (LANG=zh_CN.UTF-8). */
    static boolean chineseEnvironment() {
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isEmpty()) {
                return value.toLowerCase(Locale.ROOT).startsWith("zh");
            }
        }
        return false;
    }
}
