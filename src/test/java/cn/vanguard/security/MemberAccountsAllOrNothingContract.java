package cn.vanguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.testing.Fixtures;

/**
 * A bulk creation is one transaction: when the database fails on the hundredth member's code, after 99 accounts, grants,
 * codes and audit lines were written, none of them stays. Runs on H2 and PostgreSQL, each in a context of its own (the spy).
 */
abstract class MemberAccountsAllOrNothingContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MemberAccounts memberAccounts;
    @MockitoSpyBean
    ActivationCodes codes;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void aFailureAtTheLastMemberOfAHundredLeavesNoAccountCodeOrAuditLine() {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        Unit branch = fixtures.unit(tree.committee().id(), "百人支部", UnitKind.BRANCH);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(fixtures.member(branch.id(), Fixtures.unique("员")));
        }
        AtomicInteger issued = new AtomicInteger();
        doAnswer(call -> {
            if (issued.incrementAndGet() == 100) {
                throw new DataIntegrityViolationException("the database refused the hundredth code");
            }
            return call.callRealMethod();
        }).when(codes).issue(anyLong(), any());
        Fixtures.Account secretary = fixtures.account(Role.SECRETARY, branch.id());

        secretary.signIn();
        assertThatThrownBy(() -> memberAccounts.create(branch.id(), List.of())).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(issued).hasValue(100);
        var jdbc = fixtures.jdbc();
        assertThat(jdbc.sql("select count(*) from account where member_id in (:m)").param("m", ids).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from role_grant where unit_id = :u").param("u", branch.id()).query(Integer.class).single())
                .as("only the secretary's own grant").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from activation_code c join account a on a.id = c.account_id where a.member_id in (:m)")
                .param("m", ids).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where username = :u").param("u", secretary.username()).query(Integer.class).single())
                .isZero();
    }
}
