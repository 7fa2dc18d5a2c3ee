package cn.vanguard.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.vanguard.scheme.FlagRule;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Step;
import cn.vanguard.scheme.WarningRule;

/** Chinese names of a scheme's codes for templates: {@code ${@schemeText.flag(scheme, code)}}. */
@Component("schemeText")
class SchemeText {

    private static final Map<Step, String> STEPS = Map.ofEntries(Map.entry(Step.ENTRY, "记录"), Map.entry(Step.GROUP, "同一事项"),
            Map.entry(Step.ALLOWANCE, "免计"), Map.entry(Step.CAP, "上限"), Map.entry(Step.SECTION, "板块"), Map.entry(Step.VETO, "否决"),
            Map.entry(Step.TOTAL, "总分"), Map.entry(Step.GRADE, "等次"), Map.entry(Step.FLAG, "标记"), Map.entry(Step.RANK, "排名"),
            Map.entry(Step.STAR, "星级"), Map.entry(Step.WARNING, "预警"));

    public String step(Step step) {
        return STEPS.get(step);
    }

    public String item(Scheme scheme, String code) {
        Item item = scheme.item(code);
        return item == null ? code : item.name();
    }

    /** {@code CERTIFICATE@2025-03} reads 荣誉证书（2025-03）. */
    public String flag(Scheme scheme, String code) {
        int at = code.indexOf('@');
        String base = at < 0 ? code : code.substring(0, at);
        String label = scheme.flags().stream().filter(f -> f.code().equals(base)).map(FlagRule::label).findFirst().orElse(base);
        return at < 0 ? label : label + "（" + code.substring(at + 1) + "）";
    }

    public String warning(Scheme scheme, String code) {
        return scheme.warnings().stream().filter(w -> w.code().equals(code)).map(WarningRule::label).findFirst().orElse(code);
    }

    public String section(Scheme scheme, String code) {
        return scheme.section(code) == null ? code : scheme.section(code).name();
    }
}
