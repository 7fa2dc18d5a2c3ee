package cn.vanguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.OnH2;
import cn.vanguard.testing.SettableClock;

/**
 * A token's last use, as its owner's page shows it (to the minute), is written at most once a minute: the calls of a
 * busy integration do not each write the token's row (a commit flushed to disk a call, and a queue on that row).
 */
@OnH2
@Import(SettableClock.Config.class)
class ApiTokenUseOnH2Test extends ApiTesting {

    @Autowired
    SettableClock clock;

    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        clock.set("2026-07-10T09:00:00+08:00");
        Fixtures.Tree tree = fixtures.tree("changzhou-2021");
        Fixtures.Account account = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        String token = token(account);
        assertThat(lastUsed(account)).isNull();

        mvc.perform(getAs(token, "/api/v1/units")).andExpect(status().isOk());
        assertThat(lastUsed(account)).isEqualTo(OffsetDateTime.parse("2026-07-10T09:00:00+08:00").toInstant());

        clock.set("2026-07-10T09:00:59+08:00");
        mvc.perform(getAs(token, "/api/v1/units")).andExpect(status().isOk());
        assertThat(lastUsed(account)).as("within the minute").isEqualTo(OffsetDateTime.parse("2026-07-10T09:00:00+08:00").toInstant());

        clock.set("2026-07-10T09:01:01+08:00");
        mvc.perform(getAs(token, "/api/v1/units")).andExpect(status().isOk());
        assertThat(lastUsed(account)).isEqualTo(OffsetDateTime.parse("2026-07-10T09:01:01+08:00").toInstant());
    }

    /** The last use of the account's one token, as its owner's page reads it. */
    private java.time.Instant lastUsed(Fixtures.Account account) {
        account.signIn();
        try {
            OffsetDateTime used = tokens.mine().get(0).lastUsedAt();
            return used == null ? null : used.toInstant();
        } finally {
            SignIn.out();
        }
    }
}
