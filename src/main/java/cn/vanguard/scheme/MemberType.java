package cn.vanguard.scheme;

/** 党员身份: the member types a scheme can put in or out of its scope. */
public enum MemberType {
    FORMAL("正式党员"),
    PROBATIONARY("预备党员"),
    ACTIVIST("入党积极分子");

    private final String label;

    MemberType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the person is a party member (入党积极分子 are not: they are outside star populations). */
    public boolean isPartyMember() {
        return this != ACTIVIST;
    }
}
