/** The audit log: who changed what, when, from where, before → after. Every module writes to it; supervisors browse it. */
@ApplicationModule(allowedDependencies = {})
package cn.vanguard.audit;

import org.springframework.modulith.ApplicationModule;
