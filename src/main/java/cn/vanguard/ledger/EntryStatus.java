package cn.vanguard.ledger;

/** Where an entry stands in its review. Only APPROVED entries count in scores. */
public enum EntryStatus {
    FIRST_CHECK("待初审"),
    PENDING("待审核"),
    APPROVED("已生效"),
    REJECTED("已驳回");

    private final String label;

    EntryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == FIRST_CHECK || this == PENDING;
    }
}
