package cn.vanguard.security;

import static cn.vanguard.security.Role.COMMITTEE_ADMIN;
import static cn.vanguard.security.Role.GROUP_LEADER;
import static cn.vanguard.security.Role.MEMBER;
import static cn.vanguard.security.Role.SCORER;
import static cn.vanguard.security.Role.SECRETARY;
import static cn.vanguard.security.Role.SUPERVISOR;
import static cn.vanguard.security.Role.SYSTEM_ADMIN;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do inside the units it holds the role in (product.md, "Who uses it"). The system administrator's
 * scope is the whole installation. Members act on their own record through the MEMBER rules of each service.
 */
public enum Permission {
    VIEW_UNITS(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER, SUPERVISOR),
    MANAGE_UNITS(SYSTEM_ADMIN, COMMITTEE_ADMIN),
    VIEW_MEMBERS(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER, SUPERVISOR),
    MANAGE_MEMBERS(SYSTEM_ADMIN, COMMITTEE_ADMIN),
    MANAGE_ACCOUNTS(SYSTEM_ADMIN, COMMITTEE_ADMIN),
    /** members' own accounts (党员账号): create them with activation codes, issue a code again, disable and enable them. */
    MANAGE_MEMBER_ACCOUNTS(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY),
    VIEW_SCHEMES(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER, MEMBER, SUPERVISOR),
    PUBLISH_SCHEMES(SYSTEM_ADMIN, COMMITTEE_ADMIN),
    VIEW_LEDGER(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER, SUPERVISOR),
    RECORD_ENTRIES(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER),
    FIRST_CHECK(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER),
    APPROVE_ENTRIES(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY),
    ASSESS(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY),
    VIEW_SCORES(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER, SUPERVISOR),
    VIEW_AUDIT(SYSTEM_ADMIN, COMMITTEE_ADMIN, SUPERVISOR),
    /** The holiday calendar is one for the installation: any committee administrator maintains it (cycle.md §3). */
    MANAGE_CALENDAR(SYSTEM_ADMIN, COMMITTEE_ADMIN),
    /** 账本校验: whether every entry of the units still matches its hash chain (cycle.md §6). */
    VERIFY_LEDGER(SYSTEM_ADMIN, COMMITTEE_ADMIN),
    /** see a unit's periods, snapshots and objections (members see their own unit's through the cycle's member rules). */
    VIEW_PERIODS(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY, SCORER, GROUP_LEADER, SUPERVISOR),
    /** close a period (汇总): the secretary, or the committee administrator for the branch. */
    CLOSE_PERIODS(SYSTEM_ADMIN, COMMITTEE_ADMIN, SECRETARY),
    /** the branch's own steps: sign (支部评定), publish, submit, answer objections, republish. */
    RUN_PERIODS(SYSTEM_ADMIN, SECRETARY),
    /** the higher review (上级审核): approve or return a period. */
    APPROVE_PERIODS(SYSTEM_ADMIN, COMMITTEE_ADMIN);

    private final Set<Role> roles;

    Permission(Role... roles) {
        this.roles = EnumSet.copyOf(java.util.List.of(roles));
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return roles;
    }
}
