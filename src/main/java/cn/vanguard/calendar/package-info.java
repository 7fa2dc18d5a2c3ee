/**
 * Working days: the official holiday calendar of China (days off and make-up working days, 调休) that the committee
 * administrators maintain, year by year, in the table {@code calendar_day} (the 2026 calendar ships with the product
 * and is loaded at the first start), and the publicity windows counted on it (cycle.md §3).
 */
@ApplicationModule(allowedDependencies = {"audit", "security", "sheet"})
package cn.vanguard.calendar;

import org.springframework.modulith.ApplicationModule;
