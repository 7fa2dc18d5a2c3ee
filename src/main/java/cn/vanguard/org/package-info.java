/**
 * The organisation: the tree of units (党委 → 党总支 → 党支部 → 党小组, any depth) and the members with their
 * history of transfers; the roster's import and export. Implements the security module's {@code UnitTree}.
 */
@ApplicationModule(allowedDependencies = {"audit", "scheme", "security", "sheet"})
package cn.vanguard.org;

import org.springframework.modulith.ApplicationModule;
