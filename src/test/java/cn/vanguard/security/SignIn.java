package cn.vanguard.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import cn.vanguard.security.internal.AccountPrincipal;

/** Tests act as an account: in a service call (the security context) or in a MockMvc request. */
public final class SignIn {

    private SignIn() {
    }

    public static AccountPrincipal principal(long accountId, String username) {
        // the epoch every account starts with: a test that ends an account's sessions signs in again through the login form
        return new AccountPrincipal(accountId, username, 0);
    }

    /** Runs the following service calls as the account, until {@link #out()}. */
    public static void as(long accountId, String username) {
        AccountPrincipal principal = principal(accountId, username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }

    /** A MockMvc request made by the account. */
    public static RequestPostProcessor request(long accountId, String username) {
        AccountPrincipal principal = principal(accountId, username);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
