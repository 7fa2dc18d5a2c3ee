package cn.vanguard.scheme;

import java.util.Objects;

/**
 * A person on the roster as the engine sees them.
 *
 * @param unit   the ranking/rating unit (the branch) as shown: by name or id; scheme {@code unitQuotas} name it so
 * @param exempt {@code true}: exempt (不参加积分管理); {@code false}: scored even if the scheme exempts the category;
 *               {@code null}: the scheme's category default decides
 * @param unitId the identity of the ranking/rating unit: members with the same one are ranked and rated together, and
 *               nobody else (scoring.md §8, §9). The application gives the unit's database id, so that two branches of
 *               the same name stay two populations; {@code null} means {@code unit} (a file names its units).
 */
public record Member(String id, String name, String unit, MemberType type, Category category, Boolean exempt, String unitId) {
    public Member {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        name = name == null ? "" : name;
        unit = unit == null ? "" : unit;
        category = category == null ? Category.IN_SERVICE : category;
        unitId = unitId == null ? unit : unitId;
    }

    /** A member whose unit is identified by how it is written. */
    public Member(String id, String name, String unit, MemberType type, Category category, Boolean exempt) {
        this(id, name, unit, type, category, exempt, null);
    }
}
