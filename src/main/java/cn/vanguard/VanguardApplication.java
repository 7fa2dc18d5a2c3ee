package cn.vanguard;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import cn.vanguard.cli.Cli;

/**
 * Vanguard 先锋积分. {@code java -jar vanguard.jar} starts the web application; {@code java -jar vanguard.jar COMMAND …}
 * runs a command-line tool ({@code score}, {@code presets}) without starting it.
 */
@SpringBootApplication
public class VanguardApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        org.springframework.boot.SpringApplication.run(VanguardApplication.class, args);
    }
}
