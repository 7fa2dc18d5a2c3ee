package cn.vanguard.cli;

import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.vanguard.VanguardApplication;

/**
 * The application without its web server, for a command that works on the server's database (same datasource settings,
 * given as {@code --spring.datasource.url=…} or in the environment): quiet, no start-up staleness check unless asked.
 */
final class ServerContext {

    private ServerContext() {
    }

    static ConfigurableApplicationContext start(List<String> settings, String... properties) {
        String[] all = new String[properties.length + 2];
        all[0] = "logging.level.root=WARN";
        all[1] = "spring.main.register-shutdown-hook=false";
        System.arraycopy(properties, 0, all, 2, properties.length);
        return new SpringApplicationBuilder(VanguardApplication.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(all).run(settings.toArray(String[]::new));
    }
}
