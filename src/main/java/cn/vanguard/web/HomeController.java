package cn.vanguard.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.demo.DemoOrganisation;
import cn.vanguard.org.Units;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;

/** The start page; on an empty installation it offers the system administrator the demo organisation. */
@Controller
class HomeController {

    private final Guard guard;
    private final Units units;
    private final DemoOrganisation demo;
    private final HomeBoard board;
    private final Clock clock;

    HomeController(Guard guard, Units units, DemoOrganisation demo, HomeBoard board, Clock clock) {
        this.board = board;
        this.guard = guard;
        this.units = units;
        this.demo = demo;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = guard.current();
        model.addAttribute("user", user);
        model.addAttribute("year", LocalDate.now(clock).getYear());
        model.addAttribute("offerDemo", user.isSystemAdmin() && !units.any());
        model.addAttribute("board", board.of(user));
        return "home";
    }

    @PostMapping("/demo")
    String loadDemo(RedirectAttributes redirect) {
        if (!guard.current().isSystemAdmin()) {
            throw Guard.denied();
        }
        if (units.any()) {
            return Pages.failed(redirect, "系统中已有组织数据，不能再加载演示组织。", "/");
        }
        DemoOrganisation.Loaded loaded = demo.load(guard.current());
        redirect.addFlashAttribute("demo", loaded);
        return Pages.done(redirect, "演示组织已加载：" + loaded.units() + "个组织、" + loaded.members() + "名党员、" + loaded.entries() + "条积分记录。", "/");
    }
}
