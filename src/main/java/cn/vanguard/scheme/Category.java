package cn.vanguard.scheme;

/** 人员类别: schemes exempt whole categories by default and set per-category attendance minimums. */
public enum Category {
    IN_SERVICE("在职党员"),
    LEADER("领导班子成员"),
    RETIRED("离退休党员"),
    MOBILE("流动党员");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The one reading of a category written by a person, for rosters, ledger files, forms and the command line: the
     * code, the label or its short forms ({@code RETIRED}, {@code 离退休党员}, {@code 离退休}, {@code 退休}); {@code null}
     * for anything else.
     */
    public static Category parse(String text) {
        return switch (Labels.key(text)) {
            case "IN_SERVICE", "在职", "在职党员" -> IN_SERVICE;
            case "LEADER", "领导班子", "领导班子成员" -> LEADER;
            case "RETIRED", "离退休", "离退休党员", "退休" -> RETIRED;
            case "MOBILE", "流动", "流动党员" -> MOBILE;
            default -> null;
        };
    }
}
