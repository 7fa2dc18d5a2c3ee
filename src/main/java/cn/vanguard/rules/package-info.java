/**
 * Schemes in use: a preset or a scheme file published for a unit and a cycle, as immutable numbered versions.
 * A unit uses its own latest version, else the nearest ancestor's (sub-units inherit).
 */
@ApplicationModule(allowedDependencies = {"audit", "org", "scheme", "scheme::file", "security"})
package cn.vanguard.rules;

import org.springframework.modulith.ApplicationModule;
