package cn.vanguard.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Suggestions;
import cn.vanguard.scheme.file.Presets;

/** {@code presets}: lists the built-in schemes, or prints one as a scheme file to start your own from. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"Lists the built-in schemes (id, Chinese name, source).",
                "With --show ID, prints one as a scheme file (docs/scheme-format.md) that you can copy and edit."})
final class PresetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show", paramLabel = "ID", description = "print this preset as a scheme file")
    String show;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            String text = Presets.text(show).orElse(null);
            if (text == null) {
                String suggestion = Suggestions.closest(show, Presets.IDS);
                spec.commandLine().getErr().println("--show: no preset \"" + show + "\""
                        + (suggestion == null ? "" : " (did you mean " + suggestion + "?)") + "; the presets are: " + String.join(", ", Presets.IDS));
                return ScoreCommand.BAD_INPUT;
            }
            out.print(text);
            out.flush();
            return 0;
        }
        int width = Presets.IDS.stream().mapToInt(String::length).max().orElse(0);
        for (Scheme scheme : Presets.all()) {
            String source = scheme.source() == null ? "" : scheme.source().file() + " 「" + scheme.source().heading() + "」";
            out.println(String.format("%-" + width + "s  %s%n%" + width + "s  来源: %s", scheme.id(), scheme.name(), "", source));
        }
        out.flush();
        return 0;
    }
}
