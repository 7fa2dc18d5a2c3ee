package cn.vanguard.cycle;

/** Why a period cannot make a move, in the words of the cycle (the pages and the API's Problem Details say it). */
final class PeriodRefusals {

    private PeriodRefusals() {
    }

    static String why(EvaluationPeriod period, PeriodStatus to) {
        PeriodStatus from = period.status();
        String name = period.chineseLabel();
        if ((to == PeriodStatus.APPROVED || to == PeriodStatus.RETURNED) && from == PeriodStatus.PUBLISHED) {
            return "公示期内不能审核：" + name + "公示期满且异议全部答复后才能审核";
        }
        if (from == PeriodStatus.APPROVED || from == PeriodStatus.FINAL) {
            return name + "已审核，结果不能再改变";
        }
        return switch (to) {
            case CLOSED -> name + "现为“" + from.label() + "”，已汇总过";
            case SIGNED -> "只有“已汇总”的考评期才能评定，" + name + "现为“" + from.label() + "”";
            case PUBLISHED -> from == PeriodStatus.PUBLISHED ? name + "正在公示中"
                    : name + "现为“" + from.label() + "”，不能公示";
            case SUBMITTED -> name + "现为“" + from.label() + "”，不能提交上级审核";
            case APPROVED, RETURNED -> name + "现为“" + from.label() + "”，尚未提交上级审核";
            case OPEN, FINAL -> name + "现为“" + from.label() + "”，不能改为“" + to.label() + "”";
        };
    }
}
