package cn.vanguard.scheme;

import java.util.Objects;

/**
 * A person on the roster as the engine sees them.
 *
 * @param unit   the ranking/rating unit (the branch) by name or id
 * @param exempt {@code true}: exempt (不参加积分管理); {@code false}: scored even if the scheme exempts the category;
 *               {@code null}: the scheme's category default decides
 */
public record Member(String id, String name, String unit, MemberType type, Category category, Boolean exempt) {
    public Member {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        name = name == null ? "" : name;
        unit = unit == null ? "" : unit;
        category = category == null ? Category.IN_SERVICE : category;
    }
}
