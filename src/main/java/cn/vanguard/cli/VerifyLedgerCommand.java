package cn.vanguard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import cn.vanguard.ledger.ChainCheck;
import cn.vanguard.ledger.LedgerChain;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code verify-ledger}: recomputes every unit's ledger chain from the rows and checks every chain head a snapshot kept
 * (cycle.md §6). Like {@code rebuild-standings} it starts the application without its web server, on the datasource the
 * server uses. Exit 0 when everything matches, 1 naming the first entry whose row no longer matches its chain.
 */
@Command(name = "verify-ledger", mixinStandardHelpOptions = true,
        description = "Recompute every ledger chain and every snapshot's chain head; exit 1 naming the first entry that no longer matches.")
final class VerifyLedgerCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--unit", paramLabel = "ID", description = "Verify only the chains and entries of these units (repeatable).")
    List<Long> units = new ArrayList<>();

    /** The server's settings given as {@code --spring.datasource.url=…}, handed to the application as they are. */
    @Unmatched
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = ServerContext.start(settings, "vanguard.standings.check-at-start=false")) {
            LedgerChain chain = context.getBean(LedgerChain.class);
            ChainCheck check = units.isEmpty() ? chain.verify() : chain.verify(units);
            if (check.ok()) {
                out.println("ledger verified: " + check.entries() + " entries, " + check.heads() + " snapshots");
                return 0;
            }
            ChainCheck.Broken broken = check.broken();
            out.println("ledger NOT verified: entry " + broken.entryId() + " (unit " + broken.unitId() + ", link " + broken.seq() + " "
                    + broken.kind() + ") no longer matches its chain");
            out.println(broken.describe());
            return 1;
        }
    }
}
