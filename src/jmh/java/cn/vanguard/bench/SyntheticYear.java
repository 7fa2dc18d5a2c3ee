package cn.vanguard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.vanguard.scheme.Assessment;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.file.Presets;

/**
 * A synthetic but plausible year for load figures: members in branches of 100, entries spread over the year with
 * the item mix of a real ledger (mostly meetings and study, some service, few awards and lapses, rare vetoes).
 * Deterministic for a seed. Used by the JMH benchmark in memory and written as CSV files for the command line.
 */
public final class SyntheticYear {

    public static final int YEAR = 2025;

    private final Scheme scheme;
    private final int members;
    private final int entriesPerMember;
    private final long seed;

    public SyntheticYear(String presetId, int members, int entriesPerMember, long seed) {
        this.scheme = Presets.get(presetId).orElseThrow();
        this.members = members;
        this.entriesPerMember = entriesPerMember;
        this.seed = seed;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Items with their relative frequency in a ledger: meetings dominate, vetoes are rare. */
    private List<Item> mix() {
        List<Item> weighted = new ArrayList<>();
        for (Item item : scheme.items()) {
            int weight = switch (item.kind()) {
                case VETO -> 0;
                case FORFEIT -> 1;
                case CRITERION, LEVEL -> 0;
                case RANGE -> 2;
                case PER_UNIT -> item.isDeduction() ? 4 : item.code().contains("MEETING") || item.code().contains("ATTEND") ? 80
                        : item.code().contains("STUDY") ? 40 : 12;
            };
            for (int i = 0; i < weight; i++) {
                weighted.add(item);
            }
        }
        return weighted;
    }

    public Member member(int i, Random random) {
        int roll = random.nextInt(100);
        MemberType type = roll < 92 ? MemberType.FORMAL : roll < 98 ? MemberType.PROBATIONARY : MemberType.ACTIVIST;
        int c = random.nextInt(100);
        Category category = c < 5 ? Category.RETIRED : c < 8 ? Category.LEADER : c < 9 ? Category.MOBILE : Category.IN_SERVICE;
        return new Member(String.format("M%06d", i), "党员" + i, "第" + (i / 100 + 1) + "支部", type, category, null);
    }

    /** The year in memory, as the engine takes it. */
    public List<MemberInput> inputs() {
        Random random = new Random(seed);
        List<Item> mix = mix();
        List<MemberInput> inputs = new ArrayList<>(members);
        long ref = 2;
        for (int m = 0; m < members; m++) {
            Member member = member(m, random);
            List<Entry> entries = new ArrayList<>(entriesPerMember);
            for (int e = 0; e < entriesPerMember; e++) {
                Item item = vetoOr(pick(mix, random));
                entries.add(Inputs.entry(scheme, YEAR, item.code(), day(random), null, points(item, random), null, ref++).value());
            }
            entries.sort(Entry.CHRONOLOGICAL);
            inputs.add(new MemberInput(member, entries, assessments(random), List.of(), null));
        }
        return inputs;
    }

    private static Item pick(List<Item> mix, Random random) {
        Item item = mix.get(random.nextInt(mix.size()));
        return random.nextInt(100_000) == 0 ? null : item;
    }

    private Item vetoOr(Item item) {
        return item != null ? item : scheme.items().stream().filter(i -> i.kind() == ItemKind.VETO).findFirst().orElseThrow();
    }

    private static LocalDate day(Random random) {
        return LocalDate.ofYearDay(YEAR, 1 + random.nextInt(365));
    }

    private static BigDecimal points(Item item, Random random) {
        if (item == null || item.kind() != ItemKind.RANGE) {
            return null;
        }
        return item.min().add(item.max().subtract(item.min()).multiply(BigDecimal.valueOf(random.nextInt(2))));
    }

    private List<Assessment> assessments(Random random) {
        List<Assessment> assessments = new ArrayList<>();
        for (Item item : scheme.items()) {
            if (item.kind() == ItemKind.LEVEL) {
                assessments.add(new Assessment(item, null, item.levels().get(random.nextInt(2)), 1));
            } else if (item.kind() == ItemKind.CRITERION && random.nextInt(10) == 0) {
                assessments.add(new Assessment(item, item.max().subtract(BigDecimal.ONE).max(BigDecimal.ZERO), null, 1));
            }
        }
        return assessments;
    }

    /** Writes members.csv, entries.csv (in date order, as a ledger export is) and assessments.csv into a directory. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        List<Item> mix = mix();
        int total = members * entriesPerMember;
        int[] member = new int[total];
        int[] item = new int[total];
        short[] day = new short[total];
        byte[] pointsChoice = new byte[total];
        try (BufferedWriter roster = Files.newBufferedWriter(directory.resolve("members.csv"), StandardCharsets.UTF_8);
             BufferedWriter assessed = Files.newBufferedWriter(directory.resolve("assessments.csv"), StandardCharsets.UTF_8)) {
            roster.write("member_id,name,org_unit,member_type,category,exempt\n");
            assessed.write("member_id,item,value\n");
            int n = 0;
            for (int m = 0; m < members; m++) {
                Member one = member(m, random);
                roster.write(one.id() + "," + one.name() + "," + one.unit() + "," + one.type() + "," + one.category() + ",\n");
                for (int e = 0; e < entriesPerMember; e++) {
                    Item picked = vetoOr(pick(mix, random));
                    member[n] = m;
                    item[n] = scheme.indexOf(picked);
                    day[n] = (short) (1 + random.nextInt(365));
                    pointsChoice[n] = (byte) random.nextInt(2);
                    n++;
                }
                for (Assessment a : assessments(random)) {
                    assessed.write(one.id() + "," + a.item().code() + "," + (a.level() != null ? a.level().label() : a.value().toPlainString()) + "\n");
                }
            }
        }
        int[] order = byDay(day);
        try (BufferedWriter ledger = Files.newBufferedWriter(directory.resolve("entries.csv"), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            ledger.write("member_id,item,date,quantity,points,occurrence,note\n");
            StringBuilder line = new StringBuilder(64);
            for (int i : order) {
                Item it = scheme.items().get(item[i]);
                line.setLength(0);
                line.append(String.format("M%06d", member[i])).append(',').append(it.code()).append(',')
                        .append(LocalDate.ofYearDay(YEAR, day[i])).append(",1,");
                if (it.kind() == ItemKind.RANGE) {
                    line.append((pointsChoice[i] == 0 ? it.min() : it.max()).toPlainString());
                }
                line.append(",,\n");
                ledger.write(line.toString());
            }
        }
    }

    private static int[] byDay(short[] day) {
        int[] counts = new int[367];
        for (short d : day) {
            counts[d + 1]++;
        }
        for (int d = 1; d < counts.length; d++) {
            counts[d] += counts[d - 1];
        }
        int[] order = new int[day.length];
        for (int i = 0; i < day.length; i++) {
            order[counts[day[i]]++] = i;
        }
        return order;
    }

    /** {@code SyntheticYear PRESET MEMBERS ENTRIES_PER_MEMBER DIRECTORY}: writes the CSV files. */
    public static void main(String[] args) throws IOException {
        SyntheticYear year = new SyntheticYear(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), 20251121L);
        long start = System.nanoTime();
        year.write(Path.of(args[3]));
        System.out.printf("wrote %s × %s entries under %s to %s in %.1f s%n", args[1], args[2], args[0], args[3],
                (System.nanoTime() - start) / 1e9);
    }
}
