/** The audit log: who changed what, when, from where, before → after. Every module writes to it; supervisors browse it. */
package cn.vanguard.audit;
