package cn.vanguard.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.vanguard.security.Accounts;

/**
 * The first start of an empty installation creates the system administrator {@code admin} with a generated password,
 * printed once to the console; there is never a fixed default password.
 */
@Component
public class FirstStart implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final Accounts accounts;

    FirstStart(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        Accounts.Created admin = accounts.createFirstAdministrator("admin");
        String banner = """

                ==================================================================
                  Vanguard 先锋积分：首次启动，已创建系统管理员
                  用户名 (username): admin
                  密码   (password): %s
                  这是唯一一次显示该密码，请立即登录并修改。
                  This password is shown only once: sign in and change it.
                ==================================================================
                """.formatted(admin.password());
        System.out.println(banner);
        LOG.info("First start: created the system administrator 'admin' (the password was printed to the console)");
    }
}
