package cn.vanguard.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** What the API's contract tests share: tokens for fixture accounts and requests that carry them. */
abstract class ApiTesting {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokens tokens;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    /** A new API token of the account, as an integration would hold it. */
    String token(Fixtures.Account account) {
        account.signIn();
        try {
            return tokens.create("t");
        } finally {
            SignIn.out();
        }
    }

    static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    }

    static MockHttpServletRequestBuilder json(String token, MockHttpServletRequestBuilder request, String body) {
        return as(token, request).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    MockHttpServletRequestBuilder getAs(String token, String path, Object... vars) {
        return as(token, get(path, vars));
    }
}
