package cn.vanguard.security;

import java.util.List;

import cn.vanguard.audit.AuditLog;

/** The person behind a request: their account, the member record it is linked to (if any) and their grants. */
public record CurrentUser(long accountId, String username, String displayName, Long memberId, List<Grant> grants) {

    public CurrentUser {
        grants = List.copyOf(grants);
    }

    public boolean isSystemAdmin() {
        return holds(Role.SYSTEM_ADMIN);
    }

    public boolean holds(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public AuditLog.Actor actor() {
        return new AuditLog.Actor(accountId, username);
    }
}
