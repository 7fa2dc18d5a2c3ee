package cn.vanguard.security;

/** Roles are held per organisation unit (the system administrator's for the whole installation); a person can hold several. */
public enum Role {
    SYSTEM_ADMIN("系统管理员"),
    COMMITTEE_ADMIN("党委管理员"),
    SECRETARY("支部书记"),
    SCORER("记分员"),
    GROUP_LEADER("党小组长"),
    MEMBER("党员"),
    SUPERVISOR("考核监督员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
