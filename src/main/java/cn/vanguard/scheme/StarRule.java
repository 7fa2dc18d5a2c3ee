package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 评星定级 (scoring.md §9): eligibility by total and a named section, quotas from the top, ties admitted.
 *
 * @param quotas     highest star level first
 * @param unitQuotas quotas a committee set for particular units (an advanced branch may get a larger 5★ share);
 *                   such a unit is rated on its own with its own population
 */
public record StarRule(
        RankScope scope,
        BigDecimal minTotal,
        String minSectionCode,
        BigDecimal minSection,
        List<StarQuota> quotas,
        Map<String, List<StarQuota>> unitQuotas,
        String clause) {

    public StarRule {
        quotas = List.copyOf(quotas);
        unitQuotas = unitQuotas == null ? Map.of() : Map.copyOf(unitQuotas);
        if ((minSectionCode == null) != (minSection == null)) {
            throw new IllegalArgumentException("a section minimum names its section");
        }
    }
}
