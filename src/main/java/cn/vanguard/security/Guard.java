package cn.vanguard.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import cn.vanguard.security.internal.AccountPrincipal;

/**
 * The organisation scope of the current request, enforced in every service: a role counts only inside the unit it is
 * held in and that unit's subtree; the system administrator's scope is everything.
 */
@Service
public class Guard {

    private static final String CACHE = Guard.class.getName() + ".current";

    private final JdbcClient jdbc;
    private final UnitTree tree;

    public Guard(JdbcClient jdbc, UnitTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** The signed-in account, with its grants as they are now. */
    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            throw new AuthenticationCredentialsNotFoundException("not signed in");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser cached
                && cached.accountId() == principal.accountId()) {
            return cached;
        }
        CurrentUser user = load(principal.accountId());
        if (request != null) {
            request.setAttribute(CACHE, user, RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }

    /** Whether somebody is signed in. */
    public boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal;
    }

    public CurrentUser load(long accountId) {
        record Row(String username, String displayName, Long memberId) {
        }
        Row row = jdbc.sql("select username, display_name, member_id from account where id = :id").param("id", accountId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class))).single();
        List<Grant> grants = jdbc.sql("select role, unit_id from role_grant where account_id = :id order by id").param("id", accountId)
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), rs.getObject(2, Long.class))).list();
        return new CurrentUser(accountId, row.username(), row.displayName(), row.memberId(), grants);
    }

    public boolean can(Permission permission, long unitId) {
        return can(current(), permission, unitId);
    }

    public boolean can(CurrentUser user, Permission permission, long unitId) {
        for (Grant grant : user.grants()) {
            if (permission.grantedTo(grant.role())
                    && (grant.role() == Role.SYSTEM_ADMIN || (grant.unitId() != null && tree.within(unitId, grant.unitId())))) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link AccessDeniedException} unless the current user may do this in this unit. */
    public void require(Permission permission, long unitId) {
        if (!can(permission, unitId)) {
            throw denied();
        }
    }

    public static AccessDeniedException denied() {
        return new AccessDeniedException("无权操作：该数据不在您的组织范围内，或您的角色不能进行此操作");
    }

    /** Whether the current user holds the permission anywhere. */
    public boolean canAnywhere(Permission permission) {
        return current().grants().stream().anyMatch(g -> permission.grantedTo(g.role()));
    }

    public void requireAnywhere(Permission permission) {
        if (!canAnywhere(permission)) {
            throw denied();
        }
    }

    /** Whether the current user's permission covers every unit (the system administrator). */
    public boolean global(Permission permission) {
        return current().grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN && permission.grantedTo(g.role()));
    }

    /** The units at the top of the current user's scope for the permission (empty when global or none). */
    public Set<Long> roots(Permission permission) {
        Set<Long> roots = new LinkedHashSet<>();
        for (Grant grant : current().grants()) {
            if (permission.grantedTo(grant.role()) && grant.unitId() != null) {
                roots.add(grant.unitId());
            }
        }
        return roots;
    }

    /** Every unit the permission reaches, or {@code null} when it reaches all of them. */
    public List<Long> units(Permission permission) {
        if (global(permission)) {
            return null;
        }
        Set<Long> units = new LinkedHashSet<>();
        for (Long root : roots(permission)) {
            units.addAll(tree.subtree(root));
        }
        return new ArrayList<>(units);
    }

    /** Whether the member record is the current user's own. */
    public boolean isSelf(long memberId) {
        Long own = current().memberId();
        return own != null && own == memberId;
    }
}
