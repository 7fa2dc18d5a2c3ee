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

    private final Guard guard;
    private final Review review;

    Navigation(Guard guard, Review review) {
        this.guard = guard;
        this.review = review;
    }

    /** What the menu shows. {@code section} is set by each controller to highlight its item. */
    record Menu(String displayName, String roles, boolean me, boolean entries, boolean review, long pending, boolean scores,
                boolean members, boolean units, boolean schemes, boolean accounts, boolean audit, String section) {
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
                guard.canAnywhere(Permission.VIEW_SCORES), guard.canAnywhere(Permission.VIEW_MEMBERS),
                guard.canAnywhere(Permission.VIEW_UNITS), guard.canAnywhere(Permission.VIEW_SCHEMES),
                guard.canAnywhere(Permission.MANAGE_ACCOUNTS), guard.canAnywhere(Permission.VIEW_AUDIT), section(request));
    }

    private static String section(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "home";
    }
}
