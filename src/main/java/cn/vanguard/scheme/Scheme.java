package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of one organisation for one cycle (积分方案): sections, items, caps, vetoes, grading, stars, warnings.
 * Immutable. Built from a scheme file or a preset; the file loader reports user errors with their path, and this
 * constructor only guards against inconsistent programmatic construction.
 */
public final class Scheme {

    private final String id;
    private final String name;
    private final String description;
    private final Source source;
    private final Period evaluation;
    private final Publicity publicity;
    private final Set<MemberType> scope;
    private final Set<Category> exemptCategories;
    private final CriteriaDefault criteriaDefault;
    private final List<Section> sections;
    private final List<Item> items;
    private final List<ExclusiveGroup> groups;
    private final String bonusName;
    private final BigDecimal bonusCap;
    private final String bonusClause;
    private final BigDecimal totalFloor;
    private final Grading grading;
    private final List<FlagRule> flags;
    private final RankScope ranking;
    private final StarRule stars;
    private final List<WarningRule> warnings;
    private final List<String> interpretations;
    private final List<String> remarks;

    private final Map<String, Item> itemsByCode = new HashMap<>();
    private final Map<String, Item> itemsByName = new HashMap<>();
    private final Map<Item, Integer> itemIndex = new IdentityHashMap<>();
    private final Map<String, Section> sectionsByCode = new LinkedHashMap<>();
    private final Map<String, Integer> sectionIndex = new HashMap<>();
    private final Map<String, ExclusiveGroup> groupsByCode = new HashMap<>();
    private final Map<String, List<Item>> criteriaBySection = new HashMap<>();
    private final Map<String, Item> levelItemBySection = new HashMap<>();

    @SuppressWarnings("java:S107") // a scheme has this many independent parts; the file loader is its builder
    public Scheme(String id, String name, String description, Source source, Period evaluation, Publicity publicity,
                  Set<MemberType> scope, Set<Category> exemptCategories, CriteriaDefault criteriaDefault,
                  List<Section> sections, List<Item> items, List<ExclusiveGroup> groups,
                  String bonusName, BigDecimal bonusCap, String bonusClause, BigDecimal totalFloor,
                  Grading grading, List<FlagRule> flags, RankScope ranking, StarRule stars,
                  List<WarningRule> warnings, List<String> interpretations, List<String> remarks) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.source = source;
        this.evaluation = evaluation == null ? Period.YEAR : evaluation;
        this.publicity = publicity;
        this.scope = Set.copyOf(scope);
        this.exemptCategories = exemptCategories == null ? Set.of() : Set.copyOf(exemptCategories);
        this.criteriaDefault = criteriaDefault == null ? CriteriaDefault.ZERO : criteriaDefault;
        this.sections = List.copyOf(sections);
        this.items = List.copyOf(items);
        this.groups = groups == null ? List.of() : List.copyOf(groups);
        this.bonusName = bonusName == null ? "奖励加分" : bonusName;
        this.bonusCap = bonusCap;
        this.bonusClause = bonusClause;
        this.totalFloor = totalFloor;
        this.grading = grading == null ? Grading.none() : grading;
        this.flags = flags == null ? List.of() : List.copyOf(flags);
        this.ranking = ranking == null ? RankScope.UNIT : ranking;
        this.stars = stars;
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
        this.interpretations = interpretations == null ? List.of() : List.copyOf(interpretations);
        this.remarks = remarks == null ? List.of() : List.copyOf(remarks);
        index();
    }

    private void index() {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            check(sectionsByCode.put(s.code(), s) == null, "duplicate section " + s.code());
            sectionIndex.put(s.code(), i);
            criteriaBySection.put(s.code(), new ArrayList<>());
        }
        for (ExclusiveGroup g : groups) {
            check(groupsByCode.put(g.code(), g) == null, "duplicate group " + g.code());
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            check(itemsByCode.put(item.code(), item) == null, "duplicate item " + item.code());
            itemsByName.putIfAbsent(item.name(), item);
            itemIndex.put(item, i);
            if (item.section() != null) {
                check(sectionsByCode.containsKey(item.section()), item.code() + " names unknown section " + item.section());
            }
            if (item.kind() == ItemKind.CRITERION) {
                check(sectionsByCode.get(item.section()).mode() == SectionMode.CRITERIA, item.code() + " is a criterion outside a CRITERIA section");
                criteriaBySection.get(item.section()).add(item);
            }
            if (item.kind() == ItemKind.LEVEL) {
                check(levelItemBySection.put(item.section(), item) == null, "two level items in section " + item.section());
            }
            if (item.group() != null) {
                check(groupsByCode.containsKey(item.group()), item.code() + " names unknown group " + item.group());
            }
        }
        for (Item item : items) {
            if (item.forfeits() != null) {
                Item criterion = itemsByCode.get(item.forfeits());
                check(criterion != null && criterion.kind() == ItemKind.CRITERION, item.code() + " forfeits no criterion");
            }
            if (item.threshold() != null) {
                check(itemsByCode.containsKey(item.threshold().item()), item.code() + " threshold names unknown item");
            }
            for (VetoEffect effect : item.vetoEffects()) {
                check(effect.section() == null || sectionsByCode.containsKey(effect.section()), item.code() + " zeroes unknown section");
            }
        }
        criteriaBySection.replaceAll((k, v) -> Collections.unmodifiableList(v));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public String id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
    public Source source() { return source; }
    public Period evaluation() { return evaluation; }
    public Publicity publicity() { return publicity; }
    public Set<MemberType> scope() { return scope; }
    public Set<Category> exemptCategories() { return exemptCategories; }
    public CriteriaDefault criteriaDefault() { return criteriaDefault; }
    public List<Section> sections() { return sections; }
    public List<Item> items() { return items; }
    public List<ExclusiveGroup> groups() { return groups; }
    public String bonusName() { return bonusName; }
    public BigDecimal bonusCap() { return bonusCap; }
    public String bonusClause() { return bonusClause; }
    /** The lowest total; {@code null} when the scheme lets totals go negative. */
    public BigDecimal totalFloor() { return totalFloor; }
    public Grading grading() { return grading; }
    public List<FlagRule> flags() { return flags; }
    public RankScope ranking() { return ranking; }
    public StarRule stars() { return stars; }
    public List<WarningRule> warnings() { return warnings; }
    public List<String> interpretations() { return interpretations; }
    public List<String> remarks() { return remarks; }

    public Item item(String code) {
        return itemsByCode.get(code);
    }

    /** How a result names an item it lists (a veto that fired): its name, or the code of an item this scheme lacks. */
    public String itemName(String code) {
        Item item = itemsByCode.get(code);
        return item == null ? code : item.name();
    }

    /** How a result names a flag: {@code CERTIFICATE} reads 荣誉证书, {@code CERTIFICATE@2025-03} 荣誉证书（2025-03）. */
    public String flagLabel(String code) {
        int at = code.indexOf('@');
        String base = at < 0 ? code : code.substring(0, at);
        String label = flags().stream().filter(f -> f.code().equals(base)).map(FlagRule::label).findFirst().orElse(base);
        return at < 0 ? label : label + "（" + code.substring(at + 1) + "）";
    }

    /** How a result names a warning: its label, or the code of a warning this scheme lacks. */
    public String warningLabel(String code) {
        return warnings().stream().filter(w -> w.code().equals(code)).map(WarningRule::label).findFirst().orElse(code);
    }

    /** The item whose code or, failing that, whose exact Chinese name is given. */
    public Item itemByCodeOrName(String text) {
        Item item = itemsByCode.get(text);
        return item != null ? item : itemsByName.get(text);
    }

    public int indexOf(Item item) {
        Integer index = itemIndex.get(item);
        if (index == null) {
            throw new IllegalArgumentException(item.code() + " is not an item of scheme " + id);
        }
        return index;
    }

    public Section section(String code) {
        return sectionsByCode.get(code);
    }

    public int sectionIndexOf(String code) {
        return sectionIndex.get(code);
    }

    public ExclusiveGroup group(String code) {
        return groupsByCode.get(code);
    }

    /** The criterion items of a CRITERIA section, in scheme order. */
    public List<Item> criteriaOf(Section section) {
        return criteriaBySection.getOrDefault(section.code(), List.of());
    }

    /** The level item of a LEVEL section or a level APPRAISAL section. */
    public Item levelItemOf(Section section) {
        return levelItemBySection.get(section.code());
    }

    public CriteriaDefault criteriaDefaultOf(Section section) {
        return section.criteriaDefault() != null ? section.criteriaDefault() : criteriaDefault;
    }

    /** Whether a member of this type is scored at all under the scheme. */
    public boolean inScope(MemberType type) {
        return scope.contains(type);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Scheme s)) {
            return false;
        }
        return id.equals(s.id) && name.equals(s.name) && Objects.equals(description, s.description)
                && Objects.equals(source, s.source) && evaluation == s.evaluation && Objects.equals(publicity, s.publicity)
                && scope.equals(s.scope) && exemptCategories.equals(s.exemptCategories) && criteriaDefault == s.criteriaDefault
                && sections.equals(s.sections) && items.equals(s.items) && groups.equals(s.groups)
                && bonusName.equals(s.bonusName) && Objects.equals(bonusCap, s.bonusCap) && Objects.equals(bonusClause, s.bonusClause)
                && Objects.equals(totalFloor, s.totalFloor) && grading.equals(s.grading) && flags.equals(s.flags)
                && ranking == s.ranking && Objects.equals(stars, s.stars) && warnings.equals(s.warnings)
                && interpretations.equals(s.interpretations) && remarks.equals(s.remarks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, sections, items);
    }

    @Override
    public String toString() {
        return "Scheme[" + id + " " + name + "]";
    }
}
