package cn.vanguard.org;

import java.time.OffsetDateTime;

/**
 * A unit of the organisation. {@code path} lists the ids from the root down ({@code /1/5/12/}), so a subtree is a
 * prefix match.
 */
public record Unit(long id, Long parentId, String name, UnitKind kind, String path, OffsetDateTime closedAt) {

    public boolean closed() {
        return closedAt != null;
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    public boolean within(Unit ancestor) {
        return path.startsWith(ancestor.path());
    }
}
