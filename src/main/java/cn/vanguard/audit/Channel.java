package cn.vanguard.audit;

/** How a change reached the application: the audit log keeps it on each line (older lines have none). */
public enum Channel {
    PAGE("页面"),
    API("API"),
    IMPORT("导入"),
    SYSTEM("系统");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The channel stored as {@code code}, or null for a line written before channels were kept (or an unknown code). */
    public static Channel of(String code) {
        for (Channel c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return null;
    }
}
