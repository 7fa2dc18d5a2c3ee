package cn.vanguard.standings.internal;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.vanguard.standings.Standings;

/**
 * {@code java -jar vanguard.jar rebuild-standings}: the application started without its web server on the server's
 * datasource settings, every cycle scored from scratch, each cycle's count and the time taken printed.
 */
@Component
@ConditionalOnProperty(name = "vanguard.command", havingValue = "rebuild-standings")
class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Standings standings;
    private int exitCode = 1;

    RebuildCommand(Standings standings) {
        this.standings = standings;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        Map<Integer, Integer> scored = standings.rebuildAll();
        long ms = (System.nanoTime() - start) / 1_000_000;
        scored.forEach((year, members) -> System.out.println(year + "年度: " + members + " members scored"));
        System.out.println("rebuild-standings: " + scored.values().stream().mapToInt(Integer::intValue).sum() + " standings in "
                + scored.size() + " cycles, " + ms + " ms");
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
