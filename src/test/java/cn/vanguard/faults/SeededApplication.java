package cn.vanguard.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.vanguard.VanguardApplication;
import cn.vanguard.org.Members;
import cn.vanguard.org.Units;
import cn.vanguard.rules.Schemes;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The application as a fault test's child process starts it the first time: the production application, then a
 * branch with members, a scorer and a secretary (each with an API token, signed in with {@link Fixtures#PASSWORD}),
 * written to the file named by {@code -Dvanguard.faults.seed=…} for the test to read. Seeding inside the child saves
 * the test one start of the application; later starts run {@link VanguardApplication} itself.
 */
public final class SeededApplication {

    static final String SEED_FILE = "vanguard.faults.seed";
    static final String PRESET = "city-direct-organs";
    static final int MEMBERS = 40;

    private SeededApplication() {
    }

    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext application = SpringApplication.run(VanguardApplication.class, args);
        JdbcClient jdbc = application.getBean(JdbcClient.class);
        Clock clock = application.getBean(Clock.class);
        Fixtures fixtures = new Fixtures(application.getBean(Units.class), application.getBean(Members.class),
                application.getBean(Accounts.class), application.getBean(Schemes.class), jdbc, application.getBean(PasswordEncoder.class),
                clock);
        Fixtures.Tree tree = fixtures.tree(PRESET);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            ids.add(Long.toString(fixtures.member(tree.branch().id(), "党员" + i)));
        }
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        Fixtures.Account secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        jdbc.sql("update account set must_change_password = false").update();

        Properties seed = new Properties();
        seed.setProperty("branchId", Long.toString(tree.branch().id()));
        seed.setProperty("memberIds", String.join(",", ids));
        seed.setProperty("memberCodes", String.join(",", jdbc.sql("select code from member where unit_id = :u order by id")
                .param("u", tree.branch().id()).query(String.class).list()));
        seed.setProperty("today", LocalDate.now(clock).toString());
        seed.setProperty("scorer", scorer.username());
        seed.setProperty("scorerId", Long.toString(scorer.id()));
        seed.setProperty("secretaryId", Long.toString(secretary.id()));
        seed.setProperty("scorerToken", token(application, scorer));
        seed.setProperty("secretaryToken", token(application, secretary));
        // H2 writes committed transactions to its file in the background, and a kill soon after (the import test kills
        // the application a second after it signs in) lost the seed's accounts once: written now, before the test
        // reads the seed, they are part of the database the test starts from
        if (h2(application)) {
            jdbc.sql("checkpoint").update();
        }
        Path file = Path.of(System.getProperty(SEED_FILE));
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            seed.store(out, "fault test seed");
        }
        // the test reads the file only once it is complete
        Files.move(partial, file);
    }

    private static boolean h2(ConfigurableApplicationContext application) {
        try (java.sql.Connection connection = application.getBean(javax.sql.DataSource.class).getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the seed's database", e);
        }
    }

    private static String token(ConfigurableApplicationContext application, Fixtures.Account account) {
        SignIn.as(account.id(), account.username());
        try {
            return application.getBean(ApiTokens.class).create("故障测试");
        } finally {
            SignIn.out();
        }
    }
}
