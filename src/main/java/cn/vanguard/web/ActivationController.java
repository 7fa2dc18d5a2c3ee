package cn.vanguard.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.vanguard.Invalid;
import cn.vanguard.security.Activation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 激活账号: a member's first sign-in with the username and activation code of their slip, setting their own password;
 * open to everyone (like the sign-in page) and throttled like it. Success leads to the sign-in page.
 */
@Controller
class ActivationController {

    private final Activation activation;

    ActivationController(Activation activation) {
        this.activation = activation;
    }

    @GetMapping("/activate")
    String form(@RequestParam(required = false) String username, Model model) {
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("errors", Map.of());
        return "activate";
    }

    @PostMapping("/activate")
    String activate(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String code,
                    @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            String activated = activation.activate(username, code, password, repeat, request.getRemoteAddr());
            return "redirect:/login?activated&username=" + java.net.URLEncoder.encode(activated, java.nio.charset.StandardCharsets.UTF_8);
        } catch (Invalid e) {
            response.setStatus(HttpServletResponse.SC_OK);
            model.addAttribute("username", username.strip());
            model.addAttribute("errors", e.errors());
            model.addAttribute("flashError", "账号未激活：" + String.join("；", e.errors().values()));
            return "activate";
        }
    }
}
