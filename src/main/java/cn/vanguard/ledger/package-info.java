/**
 * The ledger (积分台账): entries recorded by scorers, declared by members with evidence, or imported; their statuses
 * (待初审 → 待审核 → 已生效 / 已驳回), moved only through {@link cn.vanguard.ledger.EntryStates} for the review module;
 * reversing entries; idempotent creation; attachments and assessments. Approved entries are never edited or deleted.
 */
@ApplicationModule(allowedDependencies = {"audit", "org", "rules", "scheme", "security", "sheet"})
package cn.vanguard.ledger;

import org.springframework.modulith.ApplicationModule;
