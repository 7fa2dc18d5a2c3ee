package cn.vanguard.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import cn.vanguard.VanguardApplication;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.demo.DemoOrganisation;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.PostgresSchema;

/**
 * The application under load: started in the load test's JVM on a free port, on a new embedded H2 database under
 * target/load-data (as a default installation runs) or, with {@code -Dvanguard.load.db=postgres}, in a new schema of the
 * PostgreSQL database at {@code VANGUARD_TEST_PG_URL}. It holds the demo organisation, its accounts signed in with a
 * known password, and API tokens of the first branch's scorer and secretary.
 */
final class LoadSetup {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;

    private static ConfigurableApplicationContext application;
    private static volatile String password;
    private static volatile String scorerToken;
    private static volatile String secretaryToken;
    private static volatile long branchId;
    private static volatile long committeeId;
    private static volatile List<Long> branchMembers;

    private LoadSetup() {
    }

    static synchronized void start() {
        boolean postgres = "postgres".equals(System.getProperty("vanguard.load.db"));
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + PORT, "--vanguard.key-file=target/load-data/id-card.key",
                "--logging.level.root=WARN"));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(VanguardApplication.class);
        if (postgres) {
            builder.initializers(new PostgresSchema());
        } else {
            try {
                FileSystemUtils.deleteRecursively(Path.of("target/load-data"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            arguments.add("--spring.datasource.url=jdbc:h2:file:./target/load-data/vanguard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        application = builder.run(arguments.toArray(String[]::new));

        Accounts accounts = application.getBean(Accounts.class);
        JdbcClient jdbc = application.getBean(JdbcClient.class);
        long admin = accounts.createTrusted("loadadmin", "压测管理员", Accounts.generatePassword(), null,
                List.of(new Grant(Role.SYSTEM_ADMIN, null)), AuditLog.Actor.SYSTEM);
        try {
            SignIn.as(admin, "loadadmin");
            DemoOrganisation.Loaded demo = application.getBean(DemoOrganisation.class).load(application.getBean(Guard.class).current());
            password = demo.password();
            // the demo's accounts are made to change their password at the first sign-in; under load they have done so
            jdbc.sql("update account set must_change_password = false").update();
            scorerToken = token(accounts, "jifen1");
            secretaryToken = token(accounts, "shuji1");
        } finally {
            SignIn.out();
        }
        branchId = jdbc.sql("select g.unit_id from role_grant g join account a on a.id = g.account_id where a.username = 'shuji1'")
                .query(Long.class).single();
        committeeId = jdbc.sql("select parent_id from org_unit where id = :id").param("id", branchId).query(Long.class).single();
        String path = jdbc.sql("select path from org_unit where id = :id").param("id", branchId).query(String.class).single();
        // the secretary approves what the scorer records, so not entries about the secretary (four eyes)
        long secretaryMember = accounts.findByUsername("shuji1").orElseThrow().memberId();
        branchMembers = jdbc.sql("""
                        select m.id from member m join org_unit u on u.id = m.unit_id
                        where u.path like :p and m.member_type <> 'ACTIVIST' and m.id <> :secretary order by m.id""")
                .param("p", path + "%").param("secretary", secretaryMember).query(Long.class).list();
        System.out.printf("Load test: the application listens on %s; %d members in the first branch%n", BASE, branchMembers.size());
    }

    static synchronized void stop() {
        if (application != null) {
            application.close();
        }
    }

    static String password() {
        return password;
    }

    static String scorerToken() {
        return scorerToken;
    }

    static String secretaryToken() {
        return secretaryToken;
    }

    private static String token(Accounts accounts, String username) {
        SignIn.as(accounts.findByUsername(username).orElseThrow().id(), username);
        return application.getBean(ApiTokens.class).create("压测");
    }

    static long branchId() {
        return branchId;
    }

    static long committeeId() {
        return committeeId;
    }

    static List<Long> branchMembers() {
        return branchMembers;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
