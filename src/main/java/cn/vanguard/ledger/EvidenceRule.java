package cn.vanguard.ledger;

import java.util.Arrays;

import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.Item;

/**
 * What an item asks as proof (提供相关材料或由至少2名党员群众予以证明): a member's declaration is refused without it,
 * and the review approves no entry without it.
 */
public final class EvidenceRule {

    private EvidenceRule() {
    }

    /** Why the evidence is not enough for the item, in Chinese, or null when it is. */
    public static String problem(Item item, int files, String witnesses) {
        Evidence evidence = item.evidence();
        if (evidence == Evidence.MATERIALS && files == 0) {
            return "“" + item.name() + "”需要上传证明材料（照片或PDF）";
        }
        if (evidence == Evidence.MATERIALS_OR_WITNESSES && files == 0 && witnessCount(witnesses) < 2) {
            return "“" + item.name() + "”需要上传证明材料，或填写至少2名证明人";
        }
        return null;
    }

    static int witnessCount(String witnesses) {
        if (witnesses == null || witnesses.isBlank()) {
            return 0;
        }
        return (int) Arrays.stream(witnesses.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).count();
    }
}
