/** The audit log's implementation, hidden from other modules: the flat JSON of a record's fields before and after. */
package cn.vanguard.audit.internal;
