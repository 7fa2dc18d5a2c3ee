package cn.vanguard.web;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Invalid;

/** Small helpers shared by the page controllers. */
final class Pages {

    private Pages() {
    }

    /**
     * Puts a failed form's field errors on the model as {@code errors} (field → Chinese message), which its template shows
     * beside each field, mostly through {@code members/fields :: error(field)}, and a request to correct the fields marked
     * red as {@code flashError}, which the layout shows above the page; returns the view to render again.
     */
    static String invalid(Model model, Invalid invalid, String view) {
        model.addAttribute("errors", invalid.errors());
        model.addAttribute("flashError", "请修改标红的内容后重新提交。");
        return view;
    }

    static Map<String, String> noErrors() {
        return Map.of();
    }

    static String done(RedirectAttributes redirect, String message, String target) {
        redirect.addFlashAttribute("flash", message);
        return "redirect:" + target;
    }

    static String failed(RedirectAttributes redirect, String message, String target) {
        redirect.addFlashAttribute("flashError", message);
        return "redirect:" + target;
    }
}
