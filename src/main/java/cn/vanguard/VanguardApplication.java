package cn.vanguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.vanguard.cli.Cli;

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
        SpringApplication.run(VanguardApplication.class, args);
    }

    /**
     * Starts the application without its web server with {@code vanguard.command=rebuild-standings}, which the
     * standings module's runner carries out; the exit code is the runner's (0 done, 1 failed).
     */
    static int rebuildStandings(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VanguardApplication.class)
                .web(WebApplicationType.NONE)
                .properties("vanguard.command=" + REBUILD_STANDINGS, "vanguard.standings.check-at-start=false", "spring.main.banner-mode=off")
                .run(rest);
        return SpringApplication.exit(context);
    }
}
