package cn.vanguard.ledger;

/**
 * The result of verifying the ledger chains: how many entries, links and kept heads were verified, and the first entry
 * whose row no longer matches its chain (null when everything matches).
 */
public record ChainCheck(long entries, long links, long heads, Broken broken) {

    /** The kinds of link: an entry recorded, first-checked (待初审 → 待审核), decided (已生效 or 已驳回). */
    public enum Kind { RECORDED, CHECKED, DECIDED }

    /**
     * Where the chain and the ledger disagree: the entry, the unit whose chain holds it, the link (its sequence number,
     * 0 when the entry has no link at all) and its kind, the group of fields that no longer matches (in Chinese, e.g.
     * 分值) and what was found, in Chinese.
     */
    public record Broken(long entryId, long unitId, long seq, Kind kind, String fields, String problem) {

        public String describe() {
            return "记录 #" + entryId + "（组织 " + unitId + (seq > 0 ? "，链第 " + seq + " 环" : "") + "，" + kind + "，" + fields + "）："
                    + problem;
        }
    }

    public boolean ok() {
        return broken == null;
    }
}
