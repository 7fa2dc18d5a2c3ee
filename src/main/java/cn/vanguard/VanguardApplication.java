package cn.vanguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import cn.vanguard.cli.Cli;

/**
 * Vanguard 先锋积分. {@code java -jar vanguard.jar} starts the web application; {@code java -jar vanguard.jar COMMAND …}
 * runs a command-line tool ({@code score}, {@code presets} without Spring; {@code import-ledger} and
 * {@code rebuild-standings} start the application without its web server, on the same datasource settings).
 */
@SpringBootApplication
public class VanguardApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(VanguardApplication.class, args);
    }
}
