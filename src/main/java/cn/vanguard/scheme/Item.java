package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One thing that earns or costs points (积分项目). Which fields are set depends on the kind:
 * PER_UNIT has {@code points}; RANGE has {@code min} and {@code max}; CRITERION has {@code max} and maybe a
 * {@code threshold}; LEVEL has {@code levels}; VETO has {@code vetoEffects}; FORFEIT names the criterion it forfeits.
 *
 * @param section   the section of a SECTION item, or the section a DEDUCTION goes into ({@code null}: the total)
 * @param unit      the unit of quantity shown to people (次, 小时, 篇, 月)
 * @param clause    the clause of the source document the item implements, cited in explanations
 * @param interpretation where the preset decided something the source leaves open, the decision (shown to users)
 */
public record Item(
        String code,
        String name,
        ItemKind kind,
        Pool pool,
        String section,
        BigDecimal points,
        BigDecimal min,
        BigDecimal max,
        List<Level> levels,
        Cap cap,
        BigDecimal freeCount,
        String group,
        Threshold threshold,
        String forfeits,
        List<VetoEffect> vetoEffects,
        String unit,
        Evidence evidence,
        String clause,
        String interpretation) {

    public Item {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(pool);
        levels = levels == null ? List.of() : List.copyOf(levels);
        vetoEffects = vetoEffects == null ? List.of() : List.copyOf(vetoEffects);
        evidence = evidence == null ? Evidence.NONE : evidence;
        unit = unit == null ? "次" : unit;
        switch (kind) {
            case PER_UNIT -> require(points != null, "PER_UNIT needs points");
            case RANGE -> require(min != null && max != null && min.compareTo(max) <= 0, "RANGE needs min <= max");
            case CRITERION -> require(max != null && max.signum() >= 0 && pool == Pool.SECTION, "CRITERION needs a max and a section");
            case LEVEL -> require(!levels.isEmpty() && pool == Pool.SECTION, "LEVEL needs levels and a section");
            case VETO -> require(!vetoEffects.isEmpty() && pool == Pool.NONE, "VETO needs effects and no pool");
            case FORFEIT -> require(forfeits != null && pool == Pool.NONE, "FORFEIT names a criterion and has no pool");
        }
        require(pool == Pool.SECTION ? section != null : pool == Pool.DEDUCTION || section == null,
                "only SECTION and DEDUCTION items name a section");
        require(freeCount == null || kind == ItemKind.PER_UNIT, "freeCount is only for PER_UNIT items");
        require(cap == null || kind == ItemKind.PER_UNIT || kind == ItemKind.RANGE, "caps are only for PER_UNIT and RANGE items");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Whether entries of the item carry points (PER_UNIT and RANGE). */
    public boolean earnsPoints() {
        return kind == ItemKind.PER_UNIT || kind == ItemKind.RANGE;
    }

    public boolean isDeduction() {
        return pool == Pool.DEDUCTION;
    }

    public Level level(String text) {
        for (Level level : levels) {
            if (level.matches(text)) {
                return level;
            }
        }
        return null;
    }

    /** The largest value the item can give: a criterion's or level's maximum. */
    public BigDecimal maxValue() {
        if (kind == ItemKind.LEVEL) {
            return levels.stream().map(Level::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }
        return max;
    }
}
