package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.TrainingClock;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/**
 * With VANGUARD_CLOCK set, the application's one clock is the training clock, and every page says so. On an H2 database
 * of its own, so that nothing it writes at the training time reaches the other contracts' shared database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@TestPropertySource(properties = {
        "vanguard.clock=2026-09-24T09:00+08:00",
        "spring.datasource.url=" + TrainingClockPagesTest.URL, "spring.flyway.url=" + TrainingClockPagesTest.URL, "spring.flyway.user=sa",
        "vanguard.key-file=target/test-id-card.key", "vanguard.sessions.jdbc=false"})
class TrainingClockPagesTest {

    static final String URL = "jdbc:h2:mem:vanguard-training-clock;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;
    @Autowired
    Fixtures fixtures;

    @Test
    void theApplicationRunsAtTheTrainingTimeAndEveryPageSaysSo() throws Exception {
        assertThat(clock).isInstanceOf(TrainingClock.class);
        assertThat(Duration.between(Instant.parse("2026-09-24T01:00:00Z"), clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(10));

        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("培训演示模式：系统时间设为 <strong>2026年9月24日 09:")));
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        mvc.perform(get("/").with(admin.request())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("培训演示模式")))
                .andExpect(content().string(Matchers.containsString("不是真实时间")));
    }

    @Test
    void onTheRealTimeThereIsNoBanner() {
        Navigation navigation = new Navigation(null, null, null, Clock.systemUTC());
        assertThat(navigation.trainingClock()).isNull();
        assertThat(new Navigation(null, null, null, clock).trainingClock()).startsWith("2026年9月24日");
    }
}
