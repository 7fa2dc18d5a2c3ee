/**
 * The period cycle (考评周期): a unit's evaluation periods moved from recording to the committee's approval, the
 * snapshots frozen on the way, the members' confirmations, the publicity window and objections (cycle.md §1–§4).
 */
@ApplicationModule(allowedDependencies = {"audit", "calendar", "ledger", "org", "rules", "scheme", "security", "standings"})
package cn.vanguard.cycle;

import org.springframework.modulith.ApplicationModule;
