package cn.vanguard.web;

import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.vanguard.review.Review;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** The menu of every page: only what the signed-in user may use. */
@ControllerAdvice(basePackages = "cn.vanguard.web")
class Navigation {

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final Guard guard;
    private final Review review;
    private final cn.vanguard.cycle.Notices notices;
    private final java.time.Clock clock;

    Navigation(Guard guard, Review review, cn.vanguard.cycle.Notices notices, java.time.Clock clock) {
        this.guard = guard;
        this.review = review;
        this.notices = notices;
        this.clock = clock;
    }

    /** What waits for the signed-in user in the cycle (the bell in the menu and its page); null when nobody is signed in. */
    @ModelAttribute("notices")
    java.util.List<cn.vanguard.cycle.Notice> notices() {
        return guard.signedIn() ? notices.forMe() : null;
    }

    /**
     * The banner of every page while the application runs on a training clock ({@code VANGUARD_CLOCK}): the time it
     * shows; null on the real time.
     */
    @ModelAttribute("trainingClock")
    String trainingClock() {
        return clock instanceof cn.vanguard.TrainingClock ? java.time.ZonedDateTime.now(clock).format(SHOWN) : null;
    }

    /** What the menu shows. {@code section} is set by each controller to highlight its item. */
    record Menu(String displayName, String roles, boolean me, boolean entries, boolean review, long pending, boolean scores,
                boolean periods, boolean members, boolean units, boolean schemes, boolean accounts, boolean audit, boolean ledgerCheck,
                String section) {
    }

    @ModelAttribute("nav")
    Menu menu(jakarta.servlet.http.HttpServletRequest request) {
        if (!guard.signedIn()) {
            return null;
        }
        CurrentUser user = guard.current();
        String roles = user.grants().stream().map(g -> g.role().label()).distinct().collect(Collectors.joining("、"));
        boolean reviews = guard.canAnywhere(Permission.FIRST_CHECK) || guard.canAnywhere(Permission.APPROVE_ENTRIES);
        return new Menu(user.displayName(), roles.isEmpty() ? "无角色" : roles, user.memberId() != null,
                guard.canAnywhere(Permission.VIEW_LEDGER) || user.memberId() != null, reviews, reviews ? review.pendingForMe() : 0,
                guard.canAnywhere(Permission.VIEW_SCORES), guard.canAnywhere(Permission.VIEW_PERIODS) || user.memberId() != null,
                guard.canAnywhere(Permission.VIEW_MEMBERS),
                guard.canAnywhere(Permission.VIEW_UNITS), guard.canAnywhere(Permission.VIEW_SCHEMES),
                guard.canAnywhere(Permission.MANAGE_ACCOUNTS), guard.canAnywhere(Permission.VIEW_AUDIT),
                guard.canAnywhere(Permission.VERIFY_LEDGER), section(request));
    }

    private static String section(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "home";
    }
}
