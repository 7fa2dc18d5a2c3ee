package cn.vanguard.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A busy day of the demo organisation (a committee of 88 members): members look at their score and their records on
 * the phone, branch secretaries look at the review queue and the ranking, the committee's administrator looks at the
 * committee's ranking, exports it and browses the audit log, and an integration records entries through the API, has
 * the branch secretary approve each (with the secretary's token) and reads the member's score back. Every visitor signs in first (BCrypt included), as people do.
 * <p>
 * {@code -Dvanguard.load.factor=N} multiplies every arrival rate (default 1: about 28 requests a second);
 * {@code -Dvanguard.load.seconds=S} is the steady phase (default 120 s, after a 30 s ramp). The run fails if any
 * request fails; response times are in Gatling's report (target/gatling) and docs/performance.md.
 */
public class DailyUseSimulation extends Simulation {

    private static final double FACTOR = Double.parseDouble(System.getProperty("vanguard.load.factor", "1"));
    private static final int SECONDS = Integer.getInteger("vanguard.load.seconds", 120);
    private static final int RAMP = 30;
    /** With {@code -Dvanguard.load.users=N}: N users at all times, shared among the four as the rates are. */
    private static final Integer USERS = Integer.getInteger("vanguard.load.users");

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadSetup.BASE)
            .acceptHeader("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36 (Vanguard load test)");

    /** The sign-in page and the form, as a browser sends it (with the page's CSRF token). */
    private static ChainBuilder signIn(String username) {
        return exec(http("登录页").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("登录").post("/login")
                        // the account's name is known only once the application is up (at scale, this run's accounts)
                        .formParam("username", session -> LoadSetup.username(username))
                        .formParam("password", session -> LoadSetup.password())
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200), substring("退出登录")));
    }

    private final ScenarioBuilder member = scenario("党员在手机上看积分")
            .exec(signIn("dangyuan1"))
            .pause(1, 3)
            .exec(http("我的积分").get("/me").check(status().is(200), substring("为什么是这个分")))
            .pause(2, 5)
            .exec(http("我的记录").get("/entries").check(status().is(200), substring("积分记录")))
            .pause(1, 3)
            .exec(http("我的积分（再看）").get("/me").check(status().is(200), substring("为什么是这个分")));

    private final ScenarioBuilder secretary = scenario("支部书记审核与排名")
            .exec(signIn("shuji1"))
            .pause(1, 2)
            .exec(http("审核队列").get("/review").check(status().is(200), substring("审核")))
            .pause(2, 4)
            .exec(http("支部排名").get("/scores").queryParam("unitId", session -> LoadSetup.branchId())
                    .check(status().is(200), substring("积分排名")))
            .pause(1, 3)
            .exec(http("党员积分").get(session -> "/members/" + randomMember() + "/score")
                    .check(status().is(200), substring("为什么是这个分")));

    private final ScenarioBuilder committee = scenario("党委管理员看全委排名")
            .exec(signIn("dangwei"))
            .pause(1, 2)
            .exec(http("全委排名").get("/scores").queryParam("unitId", session -> LoadSetup.committeeId())
                    .check(status().is(200), substring("积分排名")))
            .pause(2, 4)
            .exec(http("导出排名").get("/scores/export").queryParam("unitId", session -> LoadSetup.committeeId())
                    .check(status().is(200), substring("PK")))
            .pause(1, 3)
            .exec(http("审计日志").get("/audit").check(status().is(200), substring("审计")));

    private final ScenarioBuilder integration = scenario("接口记分")
            .exec(session -> session.set("memberId", randomMember()))
            .exec(http("API 记录积分").post("/api/v1/entries")
                    .header("Authorization", session -> "Bearer " + LoadSetup.scorerToken())
                    .header("Idempotency-Key", "#{randomUuid()}")
                    .header("Content-Type", "application/json")
                    .body(StringBody(session -> """
                            {"memberId": %d, "itemCode": "ACT_STUDY", "date": "%s", "note": "压测：集中学习"}"""
                            .formatted(session.getLong("memberId"), randomDayThisYear())))
                    .check(status().is(201), jsonPath("$.id").saveAs("entryId"), jsonPath("$.version").saveAs("version")))
            .exec(http("API 审核通过").post("/api/v1/entries/#{entryId}/approve")
                    .header("Authorization", session -> "Bearer " + LoadSetup.secretaryToken())
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"version\": #{version}}"))
                    .check(status().is(200), jsonPath("$.status").is("APPROVED")))
            .exec(http("API 党员积分").get("/api/v1/members/#{memberId}/score")
                    .header("Authorization", session -> "Bearer " + LoadSetup.scorerToken())
                    .check(status().is(200), jsonPath("$.score.total").exists()))
            // with a fixed number of users, an integration posts entries as its people work, not in a tight loop
            .pause(USERS == null ? 0 : 1, USERS == null ? 0 : 3);

    {
        if (USERS == null) {
            setUp(member.injectOpen(rate(2)), secretary.injectOpen(rate(0.5)), committee.injectOpen(rate(0.2)),
                    integration.injectOpen(rate(5)))
                    .protocols(protocol)
                    .assertions(global().failedRequests().count().is(0L));
        } else {
            setUp(member.injectClosed(users(2)), secretary.injectClosed(users(0.5)), committee.injectClosed(users(0.2)),
                    integration.injectClosed(users(5)))
                    .protocols(protocol)
                    .assertions(global().failedRequests().count().is(0L));
        }
    }

    private static ClosedInjectionStep[] users(double rate) {
        int users = Math.max(1, (int) Math.round(USERS * rate / 7.7));
        return new ClosedInjectionStep[] {rampConcurrentUsers(0).to(users).during(RAMP), constantConcurrentUsers(users).during(SECONDS)};
    }

    private static OpenInjectionStep[] rate(double perSecond) {
        double rate = perSecond * FACTOR;
        return new OpenInjectionStep[] {rampUsersPerSec(rate / 10).to(rate).during(RAMP), constantUsersPerSec(rate).during(SECONDS)};
    }

    @Override
    public void before() {
        LoadSetup.start();
    }

    @Override
    public void after() {
        LoadSetup.stop();
    }

    private static long randomMember() {
        List<Long> members = LoadSetup.branchMembers();
        return members.get(ThreadLocalRandom.current().nextInt(members.size()));
    }

    private static LocalDate randomDayThisYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return today.withDayOfYear(1 + ThreadLocalRandom.current().nextInt(today.getDayOfYear()));
    }
}
