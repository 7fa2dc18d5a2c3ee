package cn.vanguard.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.context.ApplicationEventPublisher;

import cn.vanguard.DatabaseUnavailable;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Guard;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two filter chains: the REST API under /api/v1 (bearer tokens, stateless, Problem Details on 401 and 403) and the web
 * application (form sign-in with BCrypt passwords, CSRF protection, throttled logins, a forced password change).
 * Every page needs a signed-in user; what each may see and do is decided by {@link Guard} in the services.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /**
     * Every response, pages and API alike. Scripts come only from the application's own files (no inline script, no
     * eval: htmx runs with allowEval=false), and so do styles: no page writes a style attribute or element (htmx's
     * indicator styles are in app.css), while Tabler's scripts set styles through the DOM, which CSP allows. Images may be
     * data: URLs (Tabler's icons in its CSS) and blob: URLs (images made in the browser).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /**
     * The API's interactive documentation is Swagger UI, which draws its logo with an inline SVG style element: its
     * pages alone allow inline styles. Scripts stay as strict as everywhere.
     */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/swagger-ui/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // the command line (import-ledger, rebuild-standings) starts the application without its web server
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens,
                            org.springframework.beans.factory.ObjectProvider<org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> mappings)
            throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AbstractPreAuthenticatedProcessingFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new ApiEntryPoint(mappings))
                        .accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "无权操作", ex.getMessage())))
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http, JdbcClient jdbc) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/activate", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/favicon.svg", "/error",
                                "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailure()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(accessDenied()))
                .addFilterAfter(new SessionCheck(jdbc), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.frameOptions(f -> f.deny()).contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            if (DatabaseUnavailable.causedIt(exception)) {
                // not a wrong password: the accounts could not be read, and the page that says so answers (web.DatabaseDownPage)
                throw new ServletException(exception);
            }
            response.sendRedirect(request.getContextPath()
                    + (exception instanceof LockedException ? "/login?locked" : exception instanceof DisabledException
                    ? "/login?disabled" : exception instanceof PasswordSignIn.TooManyAttempts ? "/login?throttled"
                    : "/login?error"));
        };
    }

    private static AccessDeniedHandler accessDenied() {
        return (request, response, ex) -> {
            request.setAttribute("jakarta.servlet.error.message", ex.getMessage());
            response.sendError(HttpServletResponse.SC_FORBIDDEN, ex.getMessage());
        };
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status.value() + ",\"detail\":"
                + quote(detail == null ? "" : detail) + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
