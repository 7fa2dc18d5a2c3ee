package cn.vanguard.security;

/** A role held in a unit (and so in its whole subtree); the system administrator's grant has no unit. */
public record Grant(Role role, Long unitId) {
}
