/**
 * The command line (picocli): {@code score} scores a cycle from spreadsheet files through the same engine as the web
 * application, {@code presets} lists and prints the built-in schemes, both without starting Spring; {@code import-ledger}
 * and {@code rebuild-standings} start the application without its web server and call the ledger's and the standings'
 * services.
 */
@ApplicationModule(allowedDependencies = {"ledger", "org", "scheme", "scheme::file", "sheet", "standings"})
package cn.vanguard.cli;

import org.springframework.modulith.ApplicationModule;
