package cn.vanguard.org;

/** Where a member stands: scored, exempt (不参加积分管理), or transferred out of the organisation. */
public enum MemberStatus {
    ACTIVE("在册"),
    EXEMPT("不参加积分管理"),
    TRANSFERRED_OUT("已转出");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
