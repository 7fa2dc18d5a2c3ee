package cn.vanguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.vanguard.testing.Fixtures;

/**
 * The scope every service asks {@link Guard} about, decided directly: a role counts in the unit it is held in and that
 * unit's subtree, never in a sibling, a parent or another organisation; an account with several roles has each only
 * where it holds it; the system administrator reaches everything. {@code ScopeWalkContract} asks the same questions
 * through every endpoint; this asks them once each, in seconds, so that mutation testing can afford them.
 */
abstract class GuardContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Guard guard;

    private Fixtures.Tree tree;
    private Fixtures.Tree elsewhere;

    @BeforeEach
    void world() {
        tree = fixtures.tree("city-direct-organs");
        elsewhere = fixtures.tree("city-direct-organs");
    }

    @AfterEach
    void signOut() {
        SignIn.out();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aBranchSecretaryApprovesInTheBranchAloneAndManagesNothing() {
        fixtures.account(Role.SECRETARY, branch()).signIn();

        assertThat(guard.can(Permission.APPROVE_ENTRIES, branch())).isTrue();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, sibling())).isFalse();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, committee())).isFalse();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, elsewhere.branch().id())).isFalse();
        assertThat(guard.can(Permission.MANAGE_UNITS, branch())).isFalse();
        assertThat(guard.global(Permission.APPROVE_ENTRIES)).isFalse();
        assertThat(guard.roots(Permission.APPROVE_ENTRIES)).containsExactly(branch());
        assertThat(guard.roots(Permission.MANAGE_UNITS)).isEmpty();
        assertThat(guard.units(Permission.APPROVE_ENTRIES)).containsExactly(branch());
        assertThat(guard.units(Permission.MANAGE_UNITS)).isEmpty();
    }

    @Test
    void aCommitteeAdministratorReachesTheWholeSubtreeAndNoOtherOrganisation() {
        fixtures.account(Role.COMMITTEE_ADMIN, committee()).signIn();

        assertThat(guard.can(Permission.APPROVE_ENTRIES, committee())).isTrue();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, branch())).isTrue();
        assertThat(guard.can(Permission.MANAGE_UNITS, sibling())).isTrue();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, elsewhere.committee().id())).isFalse();
        assertThat(guard.units(Permission.VIEW_LEDGER)).containsExactlyInAnyOrder(committee(), branch(), sibling());
        assertThat(guard.global(Permission.VIEW_LEDGER)).isFalse();
    }

    @Test
    void anAccountWithSeveralRolesHoldsEachOnlyWhereItWasGiven() {
        fixtures.account(null, new Grant(Role.SCORER, branch()), new Grant(Role.SECRETARY, sibling())).signIn();

        assertThat(guard.can(Permission.RECORD_ENTRIES, branch())).isTrue();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, branch())).isFalse();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, sibling())).isTrue();
        assertThat(guard.roots(Permission.RECORD_ENTRIES)).containsExactly(branch(), sibling());
        assertThat(guard.roots(Permission.APPROVE_ENTRIES)).containsExactly(sibling());
        assertThat(guard.units(Permission.FIRST_CHECK)).containsExactly(branch(), sibling());
    }

    @Test
    void theSystemAdministratorReachesEveryUnitOfEveryOrganisation() {
        fixtures.account(Role.SYSTEM_ADMIN, null).signIn();

        assertThat(guard.can(Permission.MANAGE_UNITS, elsewhere.branch().id())).isTrue();
        assertThat(guard.can(Permission.APPROVE_ENTRIES, branch())).isTrue();
        assertThat(guard.global(Permission.APPROVE_ENTRIES)).isTrue();
        assertThat(guard.units(Permission.APPROVE_ENTRIES)).isNull();
        assertThat(guard.roots(Permission.APPROVE_ENTRIES)).isEmpty();
        assertThat(guard.canAnywhere(Permission.VIEW_AUDIT)).isTrue();
    }

    @Test
    void refusalsSayNothingOfWhatIsOutOfScope() {
        fixtures.account(Role.SCORER, branch()).signIn();

        guard.require(Permission.RECORD_ENTRIES, branch());
        guard.requireAnywhere(Permission.FIRST_CHECK);
        assertThatThrownBy(() -> guard.require(Permission.RECORD_ENTRIES, sibling()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("无权操作：该数据不在您的组织范围内，或您的角色不能进行此操作");
        assertThatThrownBy(() -> guard.requireAnywhere(Permission.APPROVE_ENTRIES))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("无权操作：该数据不在您的组织范围内，或您的角色不能进行此操作");
        assertThat(guard.canAnywhere(Permission.RECORD_ENTRIES)).isTrue();
        assertThat(guard.canAnywhere(Permission.VIEW_AUDIT)).isFalse();
    }

    @Test
    void aMemberIsHimselfAndNobodyElse() {
        long own = fixtures.member(branch(), "本人");
        long other = fixtures.member(branch(), "他人");
        fixtures.memberAccount(own, branch()).signIn();

        assertThat(guard.isSelf(own)).isTrue();
        assertThat(guard.isSelf(other)).isFalse();
        assertThat(guard.canAnywhere(Permission.VIEW_SCHEMES)).isTrue();
        assertThat(guard.canAnywhere(Permission.VIEW_LEDGER)).isFalse();

        fixtures.account(Role.SECRETARY, branch()).signIn();
        assertThat(guard.isSelf(own)).isFalse();
    }

    @Test
    void nobodySignedInHasNoScope() {
        SignIn.out();

        assertThat(guard.signedIn()).isFalse();
        assertThatThrownBy(() -> guard.current()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> guard.can(Permission.VIEW_UNITS, branch())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void anAnonymousVisitorIsNotSignedIn() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);

        assertThat(guard.signedIn()).isFalse();
        assertThatThrownBy(() -> guard.current()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void grantsAreReadOncePerRequestAndForTheAccountSignedIn() {
        Fixtures.Account first = fixtures.account(Role.SCORER, branch());
        Fixtures.Account second = fixtures.account(Role.SECRETARY, sibling());
        first.signIn();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        CurrentUser inRequest = guard.current();
        assertThat(inRequest.accountId()).isEqualTo(first.id());
        assertThat(inRequest.username()).isEqualTo(first.username());
        assertThat(guard.current()).isSameAs(inRequest);
        second.signIn();
        assertThat(guard.current().accountId()).isEqualTo(second.id());
        assertThat(guard.can(Permission.APPROVE_ENTRIES, sibling())).isTrue();

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        CurrentUser nextRequest = guard.current();
        assertThat(nextRequest).isNotSameAs(inRequest).isEqualTo(guard.current());
        RequestContextHolder.resetRequestAttributes();
        assertThat(guard.current()).as("outside a request every call reads the grants as they are now")
                .isNotSameAs(guard.current()).isEqualTo(nextRequest);
        assertThat(guard.signedIn()).isTrue();
    }

    private long committee() {
        return tree.committee().id();
    }

    private long branch() {
        return tree.branch().id();
    }

    private long sibling() {
        return tree.otherBranch().id();
    }
}
