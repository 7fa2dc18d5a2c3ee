package cn.vanguard;

import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.vanguard.cli.Cli;
import cn.vanguard.standings.Standings;

/**
 * Vanguard 先锋积分. {@code java -jar vanguard.jar} starts the web application; {@code java -jar vanguard.jar COMMAND …}
 * runs a command-line tool ({@code score}, {@code presets}) without starting it; {@code rebuild-standings} starts the
 * application without its web server, on the same datasource settings, and scores every cycle from scratch.
 */
@SpringBootApplication
public class VanguardApplication {

    static final String REBUILD_STANDINGS = "rebuild-standings";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(REBUILD_STANDINGS)) {
            System.exit(rebuildStandings(args));
        }
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        org.springframework.boot.SpringApplication.run(VanguardApplication.class, args);
    }

    /** Rebuilds all standings and reports each cycle with the time taken; 0 done, 1 failed. */
    static int rebuildStandings(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VanguardApplication.class)
                .web(WebApplicationType.NONE).properties("vanguard.standings.check-at-start=false", "spring.main.banner-mode=off")
                .run(rest)) {
            long start = System.nanoTime();
            Map<Integer, Integer> scored = context.getBean(Standings.class).rebuildAll();
            long ms = (System.nanoTime() - start) / 1_000_000;
            scored.forEach((year, members) -> System.out.println(year + ": " + members + " members scored"));
            System.out.println("rebuild-standings: " + scored.values().stream().mapToInt(Integer::intValue).sum() + " standings in "
                    + scored.size() + " cycles, " + ms + " ms");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("rebuild-standings failed: " + e);
            return 1;
        }
    }
}
