/**
 * The scoring engine: a party organisation's rules as data ({@link cn.vanguard.scheme.Scheme}) and the pure
 * function that turns a cycle's ledger into scores, ranks, grades, stars, warnings and their explanation.
 * Depends on nothing but the JDK, so the web application, the API and the command line share one engine.
 */
package cn.vanguard.scheme;
