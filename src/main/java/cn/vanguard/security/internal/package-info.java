/**
 * The security module's implementation, hidden from other modules: the web security configuration, password sign-in
 * and its throttle, bearer tokens on the API, sessions in the database and their check on every request, the signed-in
 * account, and the first start's administrator.
 */
package cn.vanguard.security.internal;
