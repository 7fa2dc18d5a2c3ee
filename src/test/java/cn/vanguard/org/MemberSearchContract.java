package cn.vanguard.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** Searching members by text on a real database: what was typed is found literally, % and _ included. */
abstract class MemberSearchContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Members members;

    Unit committee;

    @BeforeEach
    void organisation() {
        committee = fixtures.unit(null, "测试党委", UnitKind.COMMITTEE);
        Unit branch = fixtures.unit(committee.id(), "第一支部", UnitKind.BRANCH);
        for (String name : List.of("完成50%的人", "五千5000", "a_b同志", "axb同志", "反斜杠\\同志", "反斜杠同志")) {
            fixtures.member(branch.id(), name);
        }
        fixtures.account(Role.COMMITTEE_ADMIN, committee.id()).signIn();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private List<String> found(String text) {
        return members.search(new Members.Query(committee.id(), text, null, null, null), 100).stream().map(MemberRecord::name).toList();
    }

    @Test
    void percentAndUnderscoreAreSearchedForLiterally() {
        assertThat(found("50%")).containsExactly("完成50%的人");
        assertThat(found("a_b")).containsExactly("a_b同志");
        assertThat(found("%")).containsExactly("完成50%的人");
        assertThat(found("_")).containsExactly("a_b同志");
        assertThat(found("\\")).containsExactly("反斜杠\\同志");
        // other members may carry "50" in a generated code or phone number: the two names must be among the matches
        assertThat(found("50")).contains("完成50%的人", "五千5000");
    }
}
