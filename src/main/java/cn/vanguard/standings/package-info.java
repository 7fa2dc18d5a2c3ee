/**
 * Standings (积分结果): every member's stored result per cycle, the one place pages, the API and exports read results
 * from, kept equal to a from-scratch run of the engine by events handled in the transaction of each change.
 */
@ApplicationModule(allowedDependencies = {"audit", "ledger", "org", "rules", "scheme"})
package cn.vanguard.standings;

import org.springframework.modulith.ApplicationModule;
