package cn.vanguard.scheme;

import static cn.vanguard.scheme.Decimals.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Checks raw inputs against a scheme (scoring.md §3): every mistake is reported, never silently dropped. The web
 * application and the command line both check entries, assessments and votes here.
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * An entry of the ledger.
     *
     * @param itemText the item's code or exact Chinese name
     * @param quantity {@code null} for the default of 1
     * @param points   the entry's own points (RANGE items), or {@code null}
     */
    public static Checked<Entry> entry(Scheme scheme, int year, String itemText, LocalDate date, BigDecimal quantity,
                                       BigDecimal points, String occurrence, long ref) {
        Item item = item(scheme, itemText);
        List<Problem> problems = entryProblems(scheme, year, itemText, item, date, quantity, points);
        if (!problems.isEmpty()) {
            return Checked.failed(problems);
        }
        return Checked.ok(checkedEntry(item, date, quantity, points, occurrence, ref));
    }

    /** The scheme's item an entry names by its code or exact Chinese name (blanks around it ignored), or {@code null}. */
    public static Item item(Scheme scheme, String itemText) {
        return scheme.itemByCodeOrName(itemText == null ? "" : itemText.trim());
    }

    /**
     * The entry of inputs in which {@link #entryProblems} found nothing wrong, {@code item} being {@link #item} of its
     * text: what {@link #entry} gives, for readers of large ledgers that look each item up once rather than per entry.
     */
    public static Entry checkedEntry(Item item, LocalDate date, BigDecimal quantity, BigDecimal points, String occurrence, long ref) {
        BigDecimal own = item.kind() == ItemKind.RANGE ? points : null;
        String key = occurrence == null || occurrence.isBlank() ? null : occurrence;
        return new Entry(item, date, quantity == null ? BigDecimal.ONE : quantity, own, key, ref);
    }

    /**
     * What is wrong with an entry, or an empty list (allocating nothing) when it is fine; for readers of large ledgers
     * that build entries their own way. {@code item} is the scheme's item for {@code itemText}, or {@code null}.
     */
    public static List<Problem> entryProblems(Scheme scheme, int year, String itemText, Item item, LocalDate date,
                                              BigDecimal quantity, BigDecimal points) {
        BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
        boolean recordable = item != null && (item.earnsPoints() || item.kind() == ItemKind.VETO || item.kind() == ItemKind.FORFEIT);
        if (recordable && date.getYear() == year && q.signum() > 0 && points == null
                && (item.kind() != ItemKind.RANGE)) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>(2);
        if (item == null) {
            unknownItem(scheme, itemText, problems);
        } else if (!recordable) {
            problems.add(new Problem("item",
                    "item " + item.code() + " (" + item.name() + ") is assessed, not recorded: give its value in the assessments file",
                    "项目“" + item.name() + "”（" + item.code() + "）是评定项，请在评定表中填写评定值，不要记入台账"));
        }
        if (date.getYear() != year) {
            problems.add(new Problem("date", "date " + date + " is outside the cycle " + year,
                    "日期" + date + "不在" + year + "年度积分周期内"));
        }
        if (q.signum() <= 0) {
            problems.add(new Problem("quantity", "quantity must be a positive number, not " + plain(q),
                    "数量必须是正数，不能是" + plain(q)));
        }
        if (recordable && q.signum() > 0) {
            checkPoints(item, q, points, problems);
        }
        return problems;
    }

    private static void checkPoints(Item item, BigDecimal quantity, BigDecimal points, List<Problem> problems) {
        if (item.kind() == ItemKind.RANGE) {
            String range = plain(item.min()) + " to " + plain(item.max());
            String rangeZh = plain(item.min()) + "到" + plain(item.max());
            if (quantity.compareTo(BigDecimal.ONE) != 0) {
                problems.add(new Problem("quantity",
                        "item " + item.code() + " is scored entry by entry: quantity must be 1 (record each occurrence on its own row)",
                        "项目“" + item.name() + "”按每条记录酌情计分，数量必须为1（每次单独记一行）"));
            } else if (points == null) {
                problems.add(new Problem("points",
                        "item " + item.code() + " needs the points of the entry: give a number from " + range,
                        "项目“" + item.name() + "”须填写本条分值：" + rangeZh + "之间的数"));
            } else if (points.compareTo(item.min()) < 0 || points.compareTo(item.max()) > 0) {
                problems.add(new Problem("points",
                        "points " + plain(points) + " are outside the range of item " + item.code() + " (" + range + ")",
                        "分值" + plain(points) + "超出项目“" + item.name() + "”的范围（" + rangeZh + "）"));
            }
            return;
        }
        if (points == null) {
            return;
        }
        BigDecimal expected = item.kind() == ItemKind.PER_UNIT ? item.points().multiply(quantity) : BigDecimal.ZERO;
        if (points.compareTo(expected) != 0) {
            String rule = item.kind() == ItemKind.PER_UNIT
                    ? plain(item.points()) + " per " + item.unit() + " × " + plain(quantity) + " = " + plain(expected)
                    : "no points";
            String ruleZh = item.kind() == ItemKind.PER_UNIT
                    ? "每" + item.unit() + plain(item.points()) + "分 × " + plain(quantity) + " = " + plain(expected) + "分"
                    : "不计分";
            problems.add(new Problem("points",
                    "points " + plain(points) + " do not match item " + item.code() + ": " + rule + " (leave points empty)",
                    "分值" + plain(points) + "与项目“" + item.name() + "”不符：" + ruleZh + "（分值一栏请留空）"));
        }
    }

    private static Item knownItem(Scheme scheme, String text, List<Problem> problems) {
        Item item = text == null ? null : scheme.itemByCodeOrName(text.trim());
        if (item == null) {
            unknownItem(scheme, text, problems);
        }
        return item;
    }

    private static void unknownItem(Scheme scheme, String text, List<Problem> problems) {
        String typed = text == null ? "" : text.trim();
        String suggestion = Suggestions.closest(typed, scheme.items().stream().map(Item::code).toList());
        problems.add(new Problem("item",
                "item \"" + typed + "\" is not in scheme " + scheme.id() + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"),
                "项目“" + typed + "”不在方案“" + scheme.name() + "”中" + (suggestion == null ? "" : "（是否应为 " + suggestion + "？）")));
    }

    /**
     * An assessment (评定) of a criterion or level item.
     *
     * @param value a number for a criterion; a level's label or code for a level item
     */
    public static Checked<Assessment> assessment(Scheme scheme, String itemText, String value, long ref) {
        List<Problem> problems = new ArrayList<>(0);
        Item item = knownItem(scheme, itemText, problems);
        if (item == null) {
            return Checked.failed(problems);
        }
        String text = value == null ? "" : value.trim();
        switch (item.kind()) {
            case CRITERION -> {
                BigDecimal number = number(text);
                if (number == null || number.signum() < 0 || number.compareTo(item.max()) > 0) {
                    String what = number == null ? "\"" + text + "\" is not a number" : plain(number) + " is out of range";
                    String whatZh = number == null ? "“" + text + "”不是数字" : plain(number) + "超出范围";
                    problems.add(new Problem("value",
                            "value " + what + ": give the points of criterion " + item.code() + " from 0 to " + plain(item.max()),
                            "评定值" + whatZh + "：请填写“" + item.name() + "”的得分，0到" + plain(item.max()) + "分"));
                    return Checked.failed(problems);
                }
                return Checked.ok(new Assessment(item, number, null, ref));
            }
            case LEVEL -> {
                Level level = item.level(text);
                if (level == null) {
                    StringJoiner labels = new StringJoiner(", ");
                    StringJoiner labelsZh = new StringJoiner("、");
                    item.levels().forEach(l -> {
                        labels.add(l.label());
                        labelsZh.add(l.label());
                    });
                    problems.add(new Problem("value",
                            "value \"" + text + "\" is not a level of " + item.code() + ": use one of " + labels,
                            "评定结果“" + text + "”不是“" + item.name() + "”的等次：请填写" + labelsZh + "之一"));
                    return Checked.failed(problems);
                }
                return Checked.ok(new Assessment(item, null, level, ref));
            }
            default -> {
                problems.add(new Problem("item",
                        "item " + item.code() + " is recorded as ledger entries, not assessed: put it in the entries file",
                        "项目“" + item.name() + "”（" + item.code() + "）应记入台账，不是评定项"));
                return Checked.failed(problems);
            }
        }
    }

    /** The ballots of the scheme's vote appraisal, one count per vote level in scheme order. */
    public static Checked<Votes> votes(Scheme scheme, List<BigDecimal> counts) {
        Section section = voteSection(scheme);
        List<Problem> problems = new ArrayList<>(0);
        if (section == null) {
            problems.add(new Problem("votes", "scheme " + scheme.id() + " has no vote appraisal: leave out the votes file",
                    "方案“" + scheme.name() + "”没有民主测评投票，请不要提供测评票"));
            return Checked.failed(problems);
        }
        if (counts.size() != section.votes().size()) {
            problems.add(new Problem("votes", "give " + section.votes().size() + " vote counts (one per answer), not " + counts.size(),
                    "应给出" + section.votes().size() + "个票数（每个等次一个），不是" + counts.size() + "个"));
            return Checked.failed(problems);
        }
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            BigDecimal count = counts.get(i);
            VoteLevel level = section.votes().get(i);
            if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0) {
                problems.add(new Problem(level.code(),
                        "votes \"" + level.label() + "\" must be a whole number of 0 or more, not " + plain(count),
                        "“" + level.label() + "”票数必须是不小于0的整数，不能是" + plain(count)));
            } else {
                values.add(count.longValueExact());
            }
        }
        return problems.isEmpty() ? Checked.ok(new Votes(section.code(), values)) : Checked.failed(problems);
    }

    /** The scheme's vote appraisal section, or {@code null}. */
    public static Section voteSection(Scheme scheme) {
        return scheme.sections().stream().filter(Section::isVoteAppraisal).findFirst().orElse(null);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
