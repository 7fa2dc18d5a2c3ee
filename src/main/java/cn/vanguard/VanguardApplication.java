package cn.vanguard;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import cn.vanguard.cli.Cli;

/**
 * Vanguard 先锋积分. {@code java -jar vanguard.jar COMMAND …} runs a command-line tool ({@code score}, {@code presets})
 * without starting the application server.
 */
@SpringBootApplication
public class VanguardApplication {

    public static void main(String[] args) {
        if (args.length == 0 || Cli.handles(args)) {
            System.exit(Cli.run(args.length == 0 ? new String[] {"--help"} : args));
        }
        org.springframework.boot.SpringApplication.run(VanguardApplication.class, args);
    }
}
