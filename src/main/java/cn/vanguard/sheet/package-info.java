/**
 * Spreadsheets in and out: CSV and XLSX tables with Chinese header aliases, the members / entries / assessments /
 * votes files of formats.md read into the engine's inputs with every problem reported by file and line, and the
 * results written as JSON, CSV and XLSX.
 */
@ApplicationModule(allowedDependencies = {"scheme"})
package cn.vanguard.sheet;

import org.springframework.modulith.ApplicationModule;
