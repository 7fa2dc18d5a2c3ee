/**
 * The web application: Thymeleaf pages with htmx, in Chinese, for desktop and phone. Controllers are thin: every rule,
 * including who may see and change what, lives in the modules they call.
 */
@ApplicationModule(allowedDependencies = {"audit", "calendar", "cycle", "demo", "ledger", "org", "report", "review", "rules", "scheme", "scheme::file", "security", "sheet", "standings"})
package cn.vanguard.web;

import org.springframework.modulith.ApplicationModule;
