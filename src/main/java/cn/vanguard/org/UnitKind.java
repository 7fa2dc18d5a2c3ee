package cn.vanguard.org;

/** What a unit is called; the tree may nest them at any depth. */
public enum UnitKind {
    COMMITTEE("党委"),
    WORKING_COMMITTEE("党工委"),
    GENERAL_BRANCH("党总支"),
    BRANCH("党支部"),
    GROUP("党小组");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
