/**
 * The REST API under {@code /api/v1}: thin controllers over the same services as the pages, with the same scope rules,
 * JSON request and response records, errors as RFC 9457 Problem Details and an OpenAPI document.
 */
@ApplicationModule(allowedDependencies = {"calendar", "cycle", "ledger", "org", "report", "review", "rules", "scheme", "scheme::file", "security", "standings"})
package cn.vanguard.api;

import org.springframework.modulith.ApplicationModule;
