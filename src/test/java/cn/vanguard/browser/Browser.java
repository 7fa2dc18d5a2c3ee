package cn.vanguard.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (no browser download): a desktop and a phone (375 px) context, and
 * screenshots under target/screenshots. Every page of every context is listened to for the whole run: a Content
 * Security Policy violation (Chromium says "Refused to …" or "… violates the following Content Security Policy
 * directive" on the console) or an uncaught script error is kept in
 * {@link #problems()}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String base;
    private final List<String> problems = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    Browser(String base) {
        this.base = base;
        this.playwright = Playwright.create();
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                        "--disable-component-update", "--disable-sync", "--lang=zh-CN"))
                // a Chinese browser, as our users have: the browser's own widgets (file and date inputs) speak Chinese too
                .setEnv(chineseEnvironment()));
    }

    private static Map<String, String> chineseEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("LANGUAGE", "zh_CN:zh");
        env.put("LANG", "zh_CN.UTF-8");
        return env;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** A signed-in desktop page (1280 × 900) as the given account. */
    Page desktop(String username, String password) {
        return signIn(context(1280, 900, false), username, password);
    }

    /** A signed-in phone page (375 × 800, touch) as the given account. */
    Page phone(String username, String password) {
        return signIn(context(375, 800, true), username, password);
    }

    Page anonymous(int width, int height) {
        return context(width, height, width < 500).newPage();
    }

    private BrowserContext context(int width, int height, boolean mobile) {
        BrowserContext context = chromium.newContext(new NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setIsMobile(mobile).setHasTouch(mobile).setDeviceScaleFactor(1)
                .setBaseURL(base));
        context.onPage(page -> {
            page.onConsoleMessage(message -> {
                if (message.text().contains("Refused to") || message.text().contains("Content Security Policy")) {
                    problems.add(page.url() + ": " + message.text());
                }
            });
            page.onPageError(error -> problems.add(page.url() + ": page error: " + error));
        });
        return context;
    }

    /** The CSP violations and uncaught script errors of every page so far. */
    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    private static Page signIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate("/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** A full-page screenshot at target/screenshots/NAME.png. */
    static void shoot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
