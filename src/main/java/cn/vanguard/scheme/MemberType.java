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

    /**
     * The one reading of a member type written by a person, for rosters, ledger files, forms and the command line:
     * the code, the label or its short form ({@code FORMAL}, {@code 正式党员}, {@code 正式}); {@code null} for anything else.
     */
    public static MemberType parse(String text) {
        return switch (Labels.key(text)) {
            case "FORMAL", "正式党员", "正式" -> FORMAL;
            case "PROBATIONARY", "预备党员", "预备" -> PROBATIONARY;
            case "ACTIVIST", "入党积极分子", "积极分子" -> ACTIVIST;
            default -> null;
        };
    }

    /** Whether the person is a party member (入党积极分子 are not: they are outside star populations). */
    public boolean isPartyMember() {
        return this != ACTIVIST;
    }
}
