package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;

/**
 * An upload past spring.servlet.multipart's limit, sent to the real server (MockMvc does not parse multipart bodies
 * as the container does): the user is sent back to the page with a Chinese message that names the limit, not shown a
 * 403 or a 500, and nothing is imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-upload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
class UploadLimitTest {

    private static final String PASSWORD = "Upload2026pass";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> upload(String path, String referer, String token, byte[] file) throws Exception {
        String boundary = "----vanguard" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Referer", referer).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anUploadPastTheLimitReturnsToItsPageWithAChineseMessageAndImportsNothing() throws Exception {
        accounts.createTrusted("uploader", "上传者", PASSWORD, null, List.of(new Grant(Role.SYSTEM_ADMIN, null)), AuditLog.Actor.SYSTEM);
        String token = csrf(get("/login").body());
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=uploader&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        long members = jdbc.sql("select count(*) from member").query(Long.class).single();

        String form = get("/members/import").body();
        byte[] big = new byte[11 << 20];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> refused = upload("/members/import", "http://localhost:" + port + "/members/import", csrf(form), big);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).contains("/members/import");
        HttpResponse<String> page = get("/members/import");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("上传的文件超过 10 MB 的上限（一次上传的文件合计不超过 40 MB），没有导入任何内容");
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(members);

        HttpResponse<String> elsewhere = upload("/members/import", "http://evil.example/phish", csrf(get("/members/import").body()), big);
        assertThat(elsewhere.statusCode()).isEqualTo(303);
        assertThat(elsewhere.headers().firstValue("Location")).as("never back to another site").hasValue("/members/import");

        HttpResponse<String> ledger = upload("/entries/import?unitId=1", "http://localhost:" + port + "/entries/import", csrf(get("/entries/import").body()), big);
        assertThat(ledger.statusCode()).as("a ledger file of 11 MB is within the import's own limit (128 MB): it reaches the page")
                .isNotEqualTo(303);

        HttpResponse<String> small = upload("/members/import", "http://localhost:" + port + "/members/import", csrf(get("/members/import").body()),
                "姓名\n".getBytes(StandardCharsets.UTF_8));
        assertThat(small.statusCode()).as("an upload within the limit reaches the import").isEqualTo(200);
        assertThat(small.body()).contains("没有导入任何党员");
    }
}
