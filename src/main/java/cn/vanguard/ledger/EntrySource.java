package cn.vanguard.ledger;

/** Who or what put an entry on the ledger. */
public enum EntrySource {
    SCORER("记分员录入"),
    DECLARED("本人申报"),
    IMPORT("导入"),
    REVERSAL("冲销");

    private final String label;

    EntrySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
