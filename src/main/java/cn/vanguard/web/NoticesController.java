package cn.vanguard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** 待办: what waits for the signed-in user in the cycle, each with a link to where it is done (the list comes from Navigation). */
@Controller
class NoticesController {

    @GetMapping("/notices")
    String notices() {
        return "notices";
    }
}
