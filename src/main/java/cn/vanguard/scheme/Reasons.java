package cn.vanguard.scheme;

/** Why a member on the roster has no score (formats.md). */
public final class Reasons {
    public static final String EXEMPT = "免于积分管理";
    public static final String OUT_OF_SCOPE = "不在适用范围";
    public static final String DISQUALIFIED = "取消积分资格";

    private Reasons() {
    }
}
