/**
 * Accounts, roles per organisation unit, the organisation scope of every request, login (with throttling), API tokens
 * and the first start's administrator. Nobody sees or changes anything outside the units they hold a role in.
 */
@ApplicationModule(allowedDependencies = {"audit"})
package cn.vanguard.security;

import org.springframework.modulith.ApplicationModule;
