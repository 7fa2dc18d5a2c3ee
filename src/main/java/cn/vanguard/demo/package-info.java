/** The demo organisation a system administrator can load into an empty installation on the first sign-in. */
@ApplicationModule(allowedDependencies = {"audit", "cycle", "ledger", "org", "rules", "scheme", "scheme :: file", "security"})
package cn.vanguard.demo;

import org.springframework.modulith.ApplicationModule;
