/**
 * The command line (picocli): {@code score} scores a cycle from spreadsheet files through the same engine as the web
 * application, {@code presets} lists and prints the built-in schemes. Runs without starting Spring.
 */
@ApplicationModule(allowedDependencies = {"ledger", "org", "scheme", "scheme :: file", "sheet"})
package cn.vanguard.cli;

import org.springframework.modulith.ApplicationModule;
