/**
 * Results as pages and exports show them: the stored standings of a unit or a member, a from-scratch run of a
 * scheme's population through the same engine the command line uses, and the ledger's export.
 */
@ApplicationModule(allowedDependencies = {"org", "rules", "scheme", "security", "sheet", "standings"})
package cn.vanguard.report;

import org.springframework.modulith.ApplicationModule;
