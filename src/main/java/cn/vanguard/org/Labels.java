package cn.vanguard.org;

import java.util.Locale;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/**
 * The words of the roster (花名册) for a member's enumerated fields, and their reading back from a cell or a form:
 * the Chinese word, its usual variants or the code all mean the same value.
 */
public final class Labels {

    private Labels() {
    }

    /** 在职, 领导班子, 离退休, 流动: the short words rosters and the forms use. */
    public static String category(Category category) {
        return switch (category) {
            case IN_SERVICE -> "在职";
            case LEADER -> "领导班子";
            case RETIRED -> "离退休";
            case MOBILE -> "流动";
        };
    }

    public static Gender gender(String text) {
        return switch (key(text)) {
            case "男", "MALE", "M" -> Gender.MALE;
            case "女", "FEMALE", "F" -> Gender.FEMALE;
            default -> null;
        };
    }

    /** {@link MemberType#parse}: the roster, the ledger files and the command line read member types alike. */
    public static MemberType memberType(String text) {
        return MemberType.parse(text);
    }

    /** {@link Category#parse}: the roster, the ledger files and the command line read categories alike. */
    public static Category category(String text) {
        return Category.parse(text);
    }

    public static MemberStatus status(String text) {
        return switch (key(text)) {
            case "在册", "ACTIVE" -> MemberStatus.ACTIVE;
            case "不参加积分管理", "免于积分管理", "EXEMPT" -> MemberStatus.EXEMPT;
            case "已转出", "转出", "TRANSFERRED_OUT" -> MemberStatus.TRANSFERRED_OUT;
            default -> null;
        };
    }

    public static UnitKind unitKind(String text) {
        for (UnitKind kind : UnitKind.values()) {
            if (kind.name().equals(key(text)) || kind.label().equals(key(text))) {
                return kind;
            }
        }
        return null;
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
