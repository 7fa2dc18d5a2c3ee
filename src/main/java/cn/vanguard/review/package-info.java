/**
 * The review of ledger entries (审核): the first check of a declaration, approval and rejection with four eyes and the
 * evidence and reversal rules, and the queue of what waits for whom; a decision moves the entry only through the
 * ledger's guarded transition, and its audit line is written by a listener of the ledger's event in the same transaction.
 */
@ApplicationModule(allowedDependencies = {"audit", "ledger", "security"})
package cn.vanguard.review;

import org.springframework.modulith.ApplicationModule;
