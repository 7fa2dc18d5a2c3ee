package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;

/**
 * The invariants of scoring.md §13, checked over random schemes and ledgers. Each run is reproducible from its seed,
 * which a failure names; {@code -Dvanguard.seed=N} starts the runs at another seed.
 */
class ScoringInvariantsTest {

    private static final long BASE_SEED = Long.getLong("vanguard.seed", 20251121L);
    private static final int RUNS = Integer.getInteger("vanguard.runs", 250);

    private static void forAllSeeds(LongConsumer property) {
        for (int i = 0; i < RUNS; i++) {
            long seed = BASE_SEED + i;
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed for seed " + seed + " (rerun with -Dvanguard.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
    }

    private static ScoreSheet score(Scheme scheme, List<MemberInput> inputs) {
        return ScoringEngine.score(scheme, Span.year(RandomSchemes.YEAR), inputs, ScoringOptions.explained());
    }

    @Test
    void noWindowSectionOrPoolExceedsItsCapAndTotalsRespectTheFloor() {
        forAllSeeds(seed -> {
            RandomSchemes random = new RandomSchemes(seed);
            Scheme scheme = random.scheme();
            List<MemberInput> inputs = random.ledger(scheme);
            ScoreSheet sheet = score(scheme, inputs);
            for (int m = 0; m < inputs.size(); m++) {
                MemberResult result = sheet.members().get(m);
                if (!result.scored()) {
                    continue;
                }
                checkItemWindows(scheme, inputs.get(m), result);
                for (Section section : scheme.sections()) {
                    BigDecimal value = result.sections().get(section.code());
                    assertThat(value.signum()).as("section %s below 0", section.code()).isGreaterThanOrEqualTo(0);
                    if (section.max() != null) {
                        assertThat(value).as("section %s above its max", section.code()).isLessThanOrEqualTo(section.max());
                    }
                }
                if (scheme.bonusCap() != null) {
                    assertThat(result.bonus()).isLessThanOrEqualTo(scheme.bonusCap());
                }
                if (scheme.totalFloor() != null) {
                    assertThat(result.total()).isGreaterThanOrEqualTo(scheme.totalFloor().setScale(2, RoundingMode.HALF_UP));
                }
            }
        });
    }

    /** The points each entry counted, read back from the explanation, never exceed an item's cap in a window. */
    private static void checkItemWindows(Scheme scheme, MemberInput input, MemberResult result) {
        Map<String, BigDecimal> counted = new HashMap<>();
        for (ExplanationLine line : result.explanation()) {
            if (line.entry() != null && line.after() != null
                    && List.of(Step.ENTRY, Step.GROUP, Step.ALLOWANCE, Step.CAP).contains(line.step())) {
                counted.put(line.entry(), line.after());
            }
        }
        Map<String, BigDecimal> windows = new HashMap<>();
        for (Entry entry : input.entries()) {
            Cap cap = entry.item().cap();
            if (cap == null) {
                continue;
            }
            BigDecimal points = counted.getOrDefault(Long.toString(entry.ref()), BigDecimal.ZERO).abs();
            String key = entry.item().code() + "@" + cap.window().indexOf(entry.date());
            BigDecimal sum = windows.merge(key, points, BigDecimal::add);
            assertThat(sum).as("item %s in window %s", entry.item().code(), key).isLessThanOrEqualTo(cap.points());
        }
    }

    @Test
    void resultsDoNotDependOnTheOrderOfEntries() {
        forAllSeeds(seed -> {
            RandomSchemes random = new RandomSchemes(seed);
            Scheme scheme = random.scheme();
            List<MemberInput> inputs = random.ledger(scheme);
            List<MemberInput> shuffled = new ArrayList<>();
            for (MemberInput input : inputs) {
                List<Entry> entries = new ArrayList<>(input.entries());
                Collections.shuffle(entries, random.random());
                List<Assessment> assessments = new ArrayList<>(input.assessments());
                Collections.shuffle(assessments, random.random());
                shuffled.add(new MemberInput(input.member(), entries, assessments, input.votes(), input.previous()));
            }
            assertThat(score(scheme, shuffled)).isEqualTo(score(scheme, inputs));
        });
    }

    @Test
    void aBonusNeverLowersAndADeductionNeverRaisesTheTotalNorTouchesOtherMembers() {
        forAllSeeds(seed -> {
            RandomSchemes random = new RandomSchemes(seed);
            Scheme scheme = random.scheme();
            List<MemberInput> inputs = random.ledger(scheme);
            ScoreSheet before = score(scheme, inputs);
            int m = random.random().nextInt(inputs.size());
            for (Pool pool : List.of(Pool.BONUS, Pool.DEDUCTION)) {
                List<Item> items = scheme.items().stream().filter(i -> i.pool() == pool && i.earnsPoints()).toList();
                if (items.isEmpty()) {
                    continue;
                }
                Entry added = random.entryOf(items.get(random.random().nextInt(items.size())), 999_999);
                ScoreSheet after = score(scheme, withEntry(inputs, m, added));
                BigDecimal was = before.members().get(m).total();
                BigDecimal now = after.members().get(m).total();
                if (was != null) {
                    if (pool == Pool.BONUS) {
                        assertThat(now).as("total after a bonus").isGreaterThanOrEqualTo(was);
                    } else {
                        assertThat(now).as("total after a deduction").isLessThanOrEqualTo(was);
                    }
                }
                for (int other = 0; other < inputs.size(); other++) {
                    if (other != m) {
                        assertThat(after.members().get(other).total()).as("another member's total")
                                .isEqualTo(before.members().get(other).total());
                    }
                }
            }
        });
    }

    private static List<MemberInput> withEntry(List<MemberInput> inputs, int member, Entry entry) {
        List<MemberInput> changed = new ArrayList<>(inputs);
        MemberInput input = inputs.get(member);
        List<Entry> entries = new ArrayList<>(input.entries());
        entries.add(entry);
        changed.set(member, new MemberInput(input.member(), entries, input.assessments(), input.votes(), input.previous()));
        return changed;
    }

    @Test
    void aZeroTotalVetoGivesZeroAndRemovingItRestoresTheResultExactly() {
        forAllSeeds(seed -> {
            RandomSchemes random = new RandomSchemes(seed);
            Scheme scheme = random.scheme();
            List<MemberInput> inputs = random.ledger(scheme);
            ScoreSheet before = score(scheme, inputs);
            int m = random.random().nextInt(inputs.size());
            ScoreSheet vetoed = score(scheme, withEntry(inputs, m, random.entryOf(scheme.item("VETO_TOTAL"), 999_999)));
            MemberResult result = vetoed.members().get(m);
            if (result.scored()) {
                assertThat(result.total()).isEqualByComparingTo("0");
                assertThat(result.vetoes()).contains("VETO_TOTAL");
                assertThat(result.sections()).isEqualTo(before.members().get(m).sections());
            }
            assertThat(score(scheme, inputs)).isEqualTo(before);
        });
    }

    @Test
    void starsStayWithinQuotasExceptForBoundaryTiesAndNeverGoToTheIneligible() {
        forAllSeeds(seed -> {
            RandomSchemes random = new RandomSchemes(seed);
            Scheme scheme = random.scheme();
            ScoreSheet sheet = score(scheme, random.ledger(scheme));
            StarRule rule = scheme.stars();
            Map<String, List<MemberResult>> populations = new LinkedHashMap<>();
            for (MemberResult r : sheet.members()) {
                if (!r.scored() || !r.member().type().isPartyMember()) {
                    assertThat(r.stars()).as("no star outside the population").isNull();
                    continue;
                }
                populations.computeIfAbsent(rule.scope() == RankScope.ALL ? "" : r.member().unitId(), k -> new ArrayList<>()).add(r);
            }
            for (List<MemberResult> population : populations.values()) {
                int n = population.size();
                for (StarQuota quota : rule.quotas()) {
                    int allowed = quota.percent().multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).intValue();
                    List<MemberResult> awarded = population.stream().filter(r -> Integer.valueOf(quota.stars()).equals(r.stars()))
                            .sorted(Comparator.comparing(MemberResult::total).reversed()).toList();
                    if (awarded.size() > allowed) {
                        assertThat(allowed).as("a level with no places admits nobody").isPositive();
                        BigDecimal boundary = awarded.get(allowed - 1).total();
                        for (MemberResult extra : awarded.subList(allowed, awarded.size())) {
                            assertThat(extra.total()).as("over-quota star only for a tie at the boundary").isEqualByComparingTo(boundary);
                        }
                    }
                }
                for (MemberResult r : population) {
                    if (r.stars() != null) {
                        assertThat(r.total()).isGreaterThanOrEqualTo(rule.minTotal());
                        if (rule.minSectionCode() != null) {
                            assertThat(r.sections().get(rule.minSectionCode())).isGreaterThanOrEqualTo(rule.minSection());
                        }
                        assertThat(r.grade()).as("a FAIL veto excludes stars").isNotEqualTo(failedBy(scheme, r));
                    }
                }
            }
        });
    }

    /** The failing grade if the member carries a FAIL veto, else a value no grade equals. */
    private static String failedBy(Scheme scheme, MemberResult r) {
        boolean fail = r.vetoes().stream().map(scheme::item)
                .anyMatch(item -> item.vetoEffects().stream().anyMatch(e -> e.kind() == VetoEffect.Kind.FAIL));
        return fail ? scheme.grading().failing() : "\u0000";
    }

    @Test
    void parallelAndSequentialScoringAgree() {
        forAllSeeds(seed -> {
            RandomSchemes random = new RandomSchemes(seed);
            Scheme scheme = random.scheme();
            List<MemberInput> inputs = random.ledger(scheme);
            ScoreSheet sequential = ScoringEngine.score(scheme, Span.year(2025), inputs, ScoringOptions.explained());
            ScoreSheet parallel = ScoringEngine.score(scheme, Span.year(2025), inputs, ScoringOptions.explained().withParallel(true));
            assertThat(parallel).isEqualTo(sequential);
        });
    }
}
