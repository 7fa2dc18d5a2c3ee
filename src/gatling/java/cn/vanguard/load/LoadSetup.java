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
 *
 * <p>With {@code -Dvanguard.load.url=JDBC_URL} (and {@code vanguard.load.user}) it runs instead on a database made by
 * {@code bench/standings.sh load}: a committee of 100,000 members. Nothing there is deleted; the load test adds its
 * own accounts, named for the run (a committee administrator, the first branch's secretary and scorer, and a member of
 * that branch), with one generated password.
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
    private static volatile String suffix = "";

    private LoadSetup() {
    }

    static synchronized void start() {
        if (System.getProperty("vanguard.load.url") != null) {
            startOnScale();
            return;
        }
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

    /** On a committee made by bench/standings.sh: accounts of this run's own, in the first branch and on the committee. */
    private static void startOnScale() {
        suffix = "-" + Long.toString(System.currentTimeMillis(), 36);
        application = new SpringApplicationBuilder(VanguardApplication.class).run("--server.port=" + PORT, "--logging.level.root=WARN",
                "--spring.datasource.url=" + System.getProperty("vanguard.load.url"),
                "--spring.datasource.username=" + System.getProperty("vanguard.load.user", "postgres"),
                "--spring.datasource.password=" + System.getProperty("vanguard.load.password", ""),
                // every simulated user signs in from this one address, and a sign-in counts against the address's limit
                // while its password is being checked: with 50 users on two busy cores, 20 checks are in flight at once
                "--vanguard.login.address-max-failures=1000000");
        Accounts accounts = application.getBean(Accounts.class);
        JdbcClient jdbc = application.getBean(JdbcClient.class);
        // every simulated user signs in from this one address: a run that failed before (the database unreachable, say)
        // may have left it throttled for 15 minutes, and this run would measure the sign-in page
        jdbc.sql("delete from login_address").update();
        committeeId = jdbc.sql("select min(id) from org_unit where kind = 'COMMITTEE'").query(Long.class).single();
        branchId = jdbc.sql("select min(id) from org_unit where kind = 'BRANCH'").query(Long.class).single();
        branchMembers = jdbc.sql("select id from member where unit_id = :b and member_type <> 'ACTIVIST' order by id")
                .param("b", branchId).query(Long.class).list();
        password = Accounts.generatePassword();
        accounts.createTrusted(username("dangwei"), "压测党委管理员", password, null, List.of(new Grant(Role.COMMITTEE_ADMIN, committeeId)),
                AuditLog.Actor.SYSTEM);
        accounts.createTrusted(username("shuji1"), "压测支部书记", password, null, List.of(new Grant(Role.SECRETARY, branchId)),
                AuditLog.Actor.SYSTEM);
        accounts.createTrusted(username("jifen1"), "压测记分员", password, null, List.of(new Grant(Role.SCORER, branchId)),
                AuditLog.Actor.SYSTEM);
        // a member of the branch without an account yet (each run links one)
        long member = jdbc.sql("select min(m.id) from member m where m.unit_id = :b and not exists (select 1 from account a where a.member_id = m.id)")
                .param("b", branchId).query(Long.class).single();
        accounts.createTrusted(username("dangyuan1"), "压测党员", password, member, List.of(new Grant(Role.MEMBER, branchId)),
                AuditLog.Actor.SYSTEM);
        jdbc.sql("update account set must_change_password = false where username like :u").param("u", "%" + suffix).update();
        scorerToken = token(accounts, username("jifen1"));
        secretaryToken = token(accounts, username("shuji1"));
        SignIn.out();
        System.out.printf("Load test: the application listens on %s on %s; %d members in the first branch%n", BASE,
                System.getProperty("vanguard.load.url"), branchMembers.size());
    }

    /** The load test's account of a role: the demo's own, or on a committee at scale this run's. */
    static String username(String demo) {
        return demo + suffix;
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
