package cn.vanguard.scheme;

/** What an entry of an item needs before it may be approved (提供相关材料或由至少2名党员群众予以证明). */
public enum Evidence {
    NONE("无需证明材料"),
    MATERIALS("需提供证明材料"),
    MATERIALS_OR_WITNESSES("需提供证明材料或至少2名党员群众证明");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
