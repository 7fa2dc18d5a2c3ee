/**
 * Working days: the official holiday calendar of China (days off and make-up working days, 调休), as the State Council
 * publishes it each year, and the publicity windows counted on it (cycle.md §3). Pure Java; the 2026 calendar ships
 * with the product.
 */
@ApplicationModule(allowedDependencies = {})
package cn.vanguard.calendar;

import org.springframework.modulith.ApplicationModule;
