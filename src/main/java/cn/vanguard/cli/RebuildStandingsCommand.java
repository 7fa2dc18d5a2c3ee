package cn.vanguard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import cn.vanguard.standings.Standings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code rebuild-standings}: every cycle's standings scored from scratch, after data changed outside the application
 * (a restore, a bulk load). Like {@code import-ledger} it starts the application without its web server, on the
 * datasource the server uses; the start-up staleness check is left off, since the rebuild does its work anyway.
 */
@Command(name = "rebuild-standings", mixinStandardHelpOptions = true,
        description = "Score every cycle of the database from scratch and store the standings (after a restore or a bulk load).")
final class RebuildStandingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The server's settings given as {@code --spring.datasource.url=…}, handed to the application as they are. */
    @Unmatched
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = ServerContext.start(settings, "vanguard.standings.check-at-start=false")) {
            long start = System.nanoTime();
            Map<Integer, Integer> scored = context.getBean(Standings.class).rebuildAll();
            long ms = (System.nanoTime() - start) / 1_000_000;
            scored.forEach((year, members) -> out.println(year + "年度: " + members + " members scored"));
            out.println("rebuild-standings: " + scored.values().stream().mapToInt(Integer::intValue).sum() + " standings in "
                    + scored.size() + " cycles, " + ms + " ms");
            return 0;
        }
    }
}
