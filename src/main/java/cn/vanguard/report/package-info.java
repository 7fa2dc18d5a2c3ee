/**
 * Scores from the live ledger: the engine applied to the approved entries and assessments of the members a scheme
 * applies to, the same engine the command line uses; rankings and their export.
 */
package cn.vanguard.report;
