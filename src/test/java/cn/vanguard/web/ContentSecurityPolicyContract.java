package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Every response carries the strict Content-Security-Policy: every page the application maps (asked for by a system
 * administrator, path variables filled with an id that may or may not exist, so error pages are asked for too), the
 * sign-in page, static files and the API. Runs on H2 and on PostgreSQL.
 */
abstract class ContentSecurityPolicyContract {

    static final List<String> DIRECTIVES = List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
            "img-src 'self' data: blob:", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private static void strict(String what, MvcResult result) {
        String policy = result.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).as(what + " has a Content-Security-Policy").isNotNull();
        assertThat(policy.split(";\\s*")).as(what).contains(DIRECTIVES.toArray(String[]::new));
        assertThat(policy).as(what).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void everyMappedPageAnswersWithThePolicy() throws Exception {
        Fixtures.Account admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        Set<String> pages = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                pages.addAll(info.getPatternValues());
            }
        }
        assertThat(pages).contains("/", "/accounts/{id}", "/entries/new", "/api/v1/units");
        List<String> asked = new ArrayList<>();
        for (String pattern : pages) {
            String path = pattern.replaceAll("\\{[^}]+}", "1");
            strict("GET " + path, mvc.perform(get(path).with(admin.request())).andReturn());
            asked.add(path);
        }
        assertThat(asked).hasSameSizeAs(pages);
    }

    @Test
    void theApiDocumentationAllowsInlineStylesOnlyAndStaysStrictForScripts() throws Exception {
        String policy = mvc.perform(get("/api/v1/swagger-ui/index.html")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).isNotNull().contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "object-src 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(policy.replace("'unsafe-inline'", "")).doesNotContain("unsafe");
    }

    @Test
    void theSignInPageStaticFilesAndTheApiWithoutATokenAnswerWithThePolicy() throws Exception {
        for (String path : List.of("/login", "/js/app.js", "/css/app.css", "/favicon.svg", "/api/v1/units", "/no-such-page")) {
            strict("GET " + path, mvc.perform(get(path)).andReturn());
        }
    }
}
