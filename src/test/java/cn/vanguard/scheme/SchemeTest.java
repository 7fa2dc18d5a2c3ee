package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.vanguard.scheme.file.Presets;

/**
 * A scheme is a value: two schemes are equal exactly when every part is (a stored scheme compared with the file it came
 * from, a scheme read back after it was written), and the constructor refuses a scheme whose parts do not fit together.
 */
class SchemeTest {

    private static final Scheme BASE = Presets.get("changzhou-2021").orElseThrow();

    @Test
    void aSchemeRebuiltFromItsPartsIsEqualAndHashesAlike() {
        Scheme copy = new Parts(BASE).build();

        assertThat(copy).isNotSameAs(BASE).isEqualTo(BASE).hasSameHashCodeAs(BASE);
        assertThat(BASE).isEqualTo(BASE).isNotEqualTo(null).isNotEqualTo("changzhou-2021");
    }

    static Stream<Arguments> onePartChanged() {
        return Stream.of(
                changed("id", p -> p.id = "changzhou-2021-b"),
                changed("name", p -> p.name = p.name + "（修订）"),
                changed("description", p -> p.description = p.description + "（修订）"),
                changed("source", p -> p.source = new Source("另一文件.docx", "第一章")),
                changed("evaluation", p -> p.evaluation = p.evaluation == Period.MONTH ? Period.YEAR : Period.MONTH),
                changed("publicity", p -> p.publicity = new Publicity(99, false, false)),
                changed("scope", p -> p.scope = Set.of(MemberType.ACTIVIST)),
                changed("exemptCategories", p -> p.exemptCategories = Set.of(Category.MOBILE, Category.RETIRED, Category.LEADER)),
                changed("criteriaDefault", p -> p.criteriaDefault = p.criteriaDefault == CriteriaDefault.FULL
                        ? CriteriaDefault.ZERO : CriteriaDefault.FULL),
                changed("sections", p -> p.sections.set(0, renamed(p.sections.get(0)))),
                changed("items", p -> p.items.set(0, renamed(p.items.get(0)))),
                changed("groups", p -> p.groups.add(new ExclusiveGroup("EXTRA_GROUP", "新增互斥组", null))),
                changed("bonusName", p -> p.bonusName = "另一加分"),
                changed("bonusCap", p -> p.bonusCap = new BigDecimal("77")),
                changed("bonusClause", p -> p.bonusClause = "另一条款"),
                changed("totalFloor", p -> p.totalFloor = new BigDecimal("-77")),
                changed("grading", p -> p.grading = new Grading(List.of(new GradeBand("只此一等", null, false)), null, Set.of(), null)),
                changed("flags", p -> p.flags.add(new FlagRule("EXTRA_FLAG", "新增标记", BigDecimal.ONE, null, false, false, null))),
                changed("ranking", p -> p.ranking = p.ranking == RankScope.ALL ? RankScope.UNIT : RankScope.ALL),
                changed("stars", p -> p.stars = new StarRule(RankScope.ALL, BigDecimal.TEN, null, null,
                        List.of(new StarQuota(5, BigDecimal.ONE)), null, null)),
                changed("warnings", p -> p.warnings.add(new WarningRule("EXTRA_WARN", "新增预警", null, BigDecimal.ONE, null, 1,
                        null, false, null, null))),
                changed("interpretations", p -> p.interpretations.add("新增解释")),
                changed("remarks", p -> p.remarks.add("新增备注")));
    }

    private static Arguments changed(String part, Consumer<Parts> change) {
        return Arguments.of(part, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePartChanged")
    void schemesThatDifferInOnePartAreNotEqual(String part, Consumer<Parts> change) {
        Parts parts = new Parts(BASE);
        change.accept(parts);
        Scheme other = parts.build();

        assertThat(other).as(part).isNotEqualTo(BASE);
        assertThat(BASE).as(part).isNotEqualTo(other);
    }

    @Test
    void partsLeftOutTakeTheirDefaults() {
        Parts parts = new Parts(BASE);
        parts.evaluation = null;
        parts.exemptCategories = null;
        parts.criteriaDefault = null;
        parts.groups = null;
        parts.bonusName = null;
        parts.grading = null;
        parts.flags = null;
        parts.ranking = null;
        parts.warnings = null;
        parts.interpretations = null;
        parts.remarks = null;
        parts.items.replaceAll(item -> item.group() == null ? item : ungrouped(item));
        Scheme scheme = parts.build();

        assertThat(scheme.evaluation()).isEqualTo(Period.YEAR);
        assertThat(scheme.exemptCategories()).isEmpty();
        assertThat(scheme.criteriaDefault()).isEqualTo(CriteriaDefault.ZERO);
        assertThat(scheme.groups()).isEmpty();
        assertThat(scheme.bonusName()).isEqualTo("奖励加分");
        assertThat(scheme.grading()).isEqualTo(Grading.none());
        assertThat(scheme.flags()).isEmpty();
        assertThat(scheme.ranking()).isEqualTo(RankScope.UNIT);
        assertThat(scheme.warnings()).isEmpty();
        assertThat(scheme.interpretations()).isEmpty();
        assertThat(scheme.remarks()).isEmpty();
    }

    @Test
    void findsItemsByCodeOrExactNameAndSectionsByCode() {
        Item first = BASE.items().get(0);
        Item last = BASE.items().get(BASE.items().size() - 1);

        assertThat(BASE.item(first.code())).isSameAs(first);
        assertThat(BASE.itemByCodeOrName(first.code())).isSameAs(first);
        assertThat(BASE.itemByCodeOrName(first.name())).isSameAs(first);
        assertThat(BASE.itemByCodeOrName("没有这一项")).isNull();
        assertThat(BASE.indexOf(first)).isZero();
        assertThat(BASE.indexOf(last)).isEqualTo(BASE.items().size() - 1);
        Section lastSection = BASE.sections().get(BASE.sections().size() - 1);
        assertThat(BASE.section(lastSection.code())).isSameAs(lastSection);
        assertThat(BASE.sectionIndexOf(lastSection.code())).isEqualTo(BASE.sections().size() - 1);
        assertThat(BASE.inScope(MemberType.FORMAL)).isTrue();
        assertThat(BASE.toString()).isEqualTo("Scheme[changzhou-2021 " + BASE.name() + "]");
    }

    @Test
    void anItemOfAnotherSchemeHasNoIndex() {
        Item stranger = renamed(BASE.items().get(0));

        assertThatThrownBy(() -> BASE.indexOf(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(stranger.code() + " is not an item of scheme changzhou-2021");
    }

    @Test
    void listsTheCriteriaAndTheLevelItemOfTheirSections() {
        Scheme scheme = tiny();
        Section criteria = scheme.section("CRIT");
        Section level = scheme.section("LVL");

        assertThat(scheme.criteriaOf(criteria)).extracting(Item::code).containsExactly("C1", "C2");
        assertThat(scheme.criteriaOf(level)).isEmpty();
        assertThat(scheme.levelItemOf(level).code()).isEqualTo("L");
        assertThat(scheme.levelItemOf(criteria)).isNull();
        assertThat(scheme.criteriaDefaultOf(criteria)).isEqualTo(CriteriaDefault.FULL);
        assertThat(scheme.criteriaDefaultOf(level)).isEqualTo(CriteriaDefault.ZERO);
        assertThatThrownBy(() -> scheme.criteriaOf(criteria).add(criterion("C3")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two sections of one code      | duplicate section CRIT
            two groups of one code        | duplicate group G
            two items of one code         | duplicate item C1
            an item in an unknown section | X names unknown section NOWHERE
            a criterion in a LEVEL section| X is a criterion outside a CRITERIA section
            two level items in a section  | two level items in section LVL
            an item in an unknown group   | X names unknown group NOGROUP
            a forfeit of an unknown item  | X forfeits no criterion
            a forfeit of a level item     | X forfeits no criterion
            a threshold on an unknown item| X threshold names unknown item
            a veto of an unknown section  | X zeroes unknown section
            """)
    void refusesPartsThatDoNotFitTogether(String mistake, String message) {
        Parts parts = new Parts(tiny());
        switch (mistake.trim()) {
            case "two sections of one code" -> parts.sections.add(parts.sections.get(0));
            case "two groups of one code" -> parts.groups.add(parts.groups.get(0));
            case "two items of one code" -> parts.items.add(criterion("C1"));
            case "an item in an unknown section" -> parts.items.add(item("X", ItemKind.PER_UNIT, Pool.SECTION, "NOWHERE", null, null));
            case "a criterion in a LEVEL section" -> parts.items.add(new Item("X", "X", ItemKind.CRITERION, Pool.SECTION, "LVL",
                    null, null, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null, null));
            case "two level items in a section" -> parts.items.add(level("X"));
            case "an item in an unknown group" -> parts.items.add(item("X", ItemKind.PER_UNIT, Pool.BONUS, null, "NOGROUP", null));
            case "a forfeit of an unknown item" -> parts.items.add(forfeit("NOTHING"));
            case "a forfeit of a level item" -> parts.items.add(forfeit("L"));
            case "a threshold on an unknown item" -> parts.items.add(item("X", ItemKind.PER_UNIT, Pool.BONUS, null, null,
                    new Threshold("NOTHING", BigDecimal.ONE)));
            case "a veto of an unknown section" -> parts.items.add(new Item("X", "X", ItemKind.VETO, Pool.NONE, null, null, null,
                    null, null, null, null, null, null, null, List.of(VetoEffect.zeroSection("NOWHERE")), null, null, null, null));
            default -> throw new IllegalArgumentException(mistake);
        }

        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message.trim());
    }

    /** CRIT (criteria, FULL by default: C1, C2), LVL (a level section: L), a group G of B1, a FORFEIT of C1. */
    private static Scheme tiny() {
        Section crit = new Section("CRIT", "评议", SectionMode.CRITERIA, BigDecimal.TEN, CriteriaDefault.FULL, null, null, null, null);
        Section lvl = new Section("LVL", "等次", SectionMode.LEVEL, BigDecimal.TEN, null, null, null, null, null);
        List<Item> items = List.of(criterion("C1"), criterion("C2"), level("L"),
                item("B1", ItemKind.PER_UNIT, Pool.BONUS, null, "G", null), forfeit("C1"));
        return new Scheme("tiny", "小方案", null, null, null, null, Set.of(MemberType.FORMAL), null, null, List.of(crit, lvl),
                items, List.of(new ExclusiveGroup("G", "互斥", null)), null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static Item criterion(String code) {
        return new Item(code, code, ItemKind.CRITERION, Pool.SECTION, "CRIT", null, null, BigDecimal.ONE, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static Item level(String code) {
        return new Item(code, code, ItemKind.LEVEL, Pool.SECTION, "LVL", null, null, null,
                List.of(new Level(null, "好", BigDecimal.TEN)), null, null, null, null, null, null, null, null, null, null);
    }

    private static Item forfeit(String criterion) {
        return new Item("X" + (criterion.equals("C1") ? "F" : ""), "X", ItemKind.FORFEIT, Pool.NONE, null, null, null, null,
                null, null, null, null, null, criterion, null, null, null, null, null);
    }

    private static Item item(String code, ItemKind kind, Pool pool, String section, String group, Threshold threshold) {
        return new Item(code, code, kind, pool, section, BigDecimal.ONE, null, null, null, null, null, group, threshold, null,
                null, null, null, null, null);
    }

    private static Section renamed(Section s) {
        return new Section(s.code(), s.name() + "（改）", s.mode(), s.max(), s.criteriaDefault(), s.attainment(), s.votes(),
                s.clause(), s.interpretation());
    }

    private static Item renamed(Item i) {
        return new Item(i.code(), i.name() + "（改）", i.kind(), i.pool(), i.section(), i.points(), i.min(), i.max(), i.levels(),
                i.cap(), i.freeCount(), i.group(), i.threshold(), i.forfeits(), i.vetoEffects(), i.unit(), i.evidence(),
                i.clause(), i.interpretation());
    }

    private static Item ungrouped(Item i) {
        return new Item(i.code(), i.name(), i.kind(), i.pool(), i.section(), i.points(), i.min(), i.max(), i.levels(),
                i.cap(), i.freeCount(), null, i.threshold(), i.forfeits(), i.vetoEffects(), i.unit(), i.evidence(),
                i.clause(), i.interpretation());
    }

    /** The constructor's arguments, each open to change. */
    static final class Parts {
        String id;
        String name;
        String description;
        Source source;
        Period evaluation;
        Publicity publicity;
        Set<MemberType> scope;
        Set<Category> exemptCategories;
        CriteriaDefault criteriaDefault;
        List<Section> sections;
        List<Item> items;
        List<ExclusiveGroup> groups;
        String bonusName;
        BigDecimal bonusCap;
        String bonusClause;
        BigDecimal totalFloor;
        Grading grading;
        List<FlagRule> flags;
        RankScope ranking;
        StarRule stars;
        List<WarningRule> warnings;
        List<String> interpretations;
        List<String> remarks;

        Parts(Scheme s) {
            id = s.id();
            name = s.name();
            description = s.description();
            source = s.source();
            evaluation = s.evaluation();
            publicity = s.publicity();
            scope = s.scope();
            exemptCategories = s.exemptCategories();
            criteriaDefault = s.criteriaDefault();
            sections = new ArrayList<>(s.sections());
            items = new ArrayList<>(s.items());
            groups = new ArrayList<>(s.groups());
            bonusName = s.bonusName();
            bonusCap = s.bonusCap();
            bonusClause = s.bonusClause();
            totalFloor = s.totalFloor();
            grading = s.grading();
            flags = new ArrayList<>(s.flags());
            ranking = s.ranking();
            stars = s.stars();
            warnings = new ArrayList<>(s.warnings());
            interpretations = new ArrayList<>(s.interpretations());
            remarks = new ArrayList<>(s.remarks());
        }

        Scheme build() {
            return new Scheme(id, name, description, source, evaluation, publicity, scope, exemptCategories, criteriaDefault,
                    sections, items, groups, bonusName, bonusCap, bonusClause, totalFloor, grading, flags, ranking, stars,
                    warnings, interpretations, remarks);
        }
    }

    @Test
    void aResultNamesItsItemsFlagsAndWarningsAsTheSchemeLabelsThem() {
        Item item = BASE.items().get(0);
        FlagRule flag = BASE.flags().get(0);
        WarningRule warning = BASE.warnings().get(0);

        assertThat(BASE.itemName(item.code())).isEqualTo(item.name());
        assertThat(BASE.itemName("NO_SUCH_ITEM")).isEqualTo("NO_SUCH_ITEM");
        assertThat(BASE.flagLabel(flag.code())).isEqualTo(flag.label());
        assertThat(BASE.flagLabel(flag.code() + "@2025-03")).isEqualTo(flag.label() + "（2025-03）");
        assertThat(BASE.flagLabel("NO_SUCH_FLAG@2025-03")).isEqualTo("NO_SUCH_FLAG（2025-03）");
        assertThat(BASE.flagLabel("NO_SUCH_FLAG")).isEqualTo("NO_SUCH_FLAG");
        assertThat(BASE.warningLabel(warning.code())).isEqualTo(warning.label());
        assertThat(BASE.warningLabel("NO_SUCH_WARNING")).isEqualTo("NO_SUCH_WARNING");
    }
}
