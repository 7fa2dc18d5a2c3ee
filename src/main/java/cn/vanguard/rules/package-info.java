/**
 * Schemes in use: a preset or a scheme file published for a unit and a cycle, as immutable numbered versions.
 * A unit uses its own latest version, else the nearest ancestor's (sub-units inherit).
 */
package cn.vanguard.rules;
