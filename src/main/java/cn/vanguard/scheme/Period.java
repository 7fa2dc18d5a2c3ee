package cn.vanguard.scheme;

/** The length of an evaluation period inside the cycle (考评期). */
public enum Period {
    YEAR("年度"),
    HALF("半年"),
    QUARTER("季度"),
    MONTH("月度");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
