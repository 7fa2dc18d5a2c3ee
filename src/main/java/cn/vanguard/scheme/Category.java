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
}
