/**
 * The ledger (积分台账): entries recorded by scorers, declared by members with evidence, or imported; their review
 * (待初审 → 待审核 → 已生效 / 已驳回) with four eyes; reversing entries; idempotent creation; attachments and
 * assessments. Approved entries are never edited or deleted.
 */
package cn.vanguard.ledger;
