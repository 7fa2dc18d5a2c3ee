package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The columns give back each member's entries exactly, by date and id, whatever order the rows came in. */
class CycleEntriesTest {

    @Test
    void givesEachMembersEntriesBackByDateAndIdWhateverTheOrderTheyCameIn() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<Ledger.CountingEntry> rows = new ArrayList<>();
            List<BigDecimal> decimals = List.of(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("2.00"), new BigDecimal("-3"));
            int count = random.nextInt(3000);
            // small ids are looked up directly, large ones by hashing: both ways, and -1 (no such member) on each
            long base = seed % 2 == 0 ? 0 : 1L << 40;
            for (int i = 0; i < count; i++) {
                long member = base + 1 + random.nextInt(1 + random.nextInt(200));
                rows.add(new Ledger.CountingEntry(10_000L - i * 3L + random.nextInt(3), member, "ITEM" + random.nextInt(7),
                        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)),
                        random.nextInt(5) == 0 ? null : decimals.get(random.nextInt(decimals.size())),
                        random.nextInt(3) == 0 ? decimals.get(random.nextInt(decimals.size())) : null,
                        random.nextInt(4) == 0 ? "第" + random.nextInt(3) + "次\t\\" : null));
            }
            // ids unique, as in the ledger
            Map<Long, Ledger.CountingEntry> byId = new HashMap<>();
            rows.forEach(r -> byId.putIfAbsent(r.id(), r));
            List<Ledger.CountingEntry> unique = new ArrayList<>(byId.values());
            java.util.Collections.shuffle(unique, random);
            CycleEntries.Builder builder = new CycleEntries.Builder();
            unique.forEach(r -> builder.add(r.id(), r.memberId(), r.itemCode(), r.date(), r.quantity(), r.points(), r.occurrence()));
            CycleEntries entries = builder.build();
            // the same rows split at random among several builders (as several streams read them), merged
            int count2 = 1 + random.nextInt(4);
            List<CycleEntries.Builder> parts = new ArrayList<>();
            for (int p = 0; p < count2; p++) {
                parts.add(new CycleEntries.Builder());
            }
            unique.forEach(r -> parts.get(random.nextInt(parts.size())).add(r.id(), r.memberId(), r.itemCode(), r.date(), r.quantity(),
                    r.points(), r.occurrence()));
            CycleEntries merged = CycleEntries.Builder.build(parts);
            assertThat(merged.size()).isEqualTo(unique.size());

            assertThat(entries.size()).isEqualTo(unique.size());
            Map<Long, List<Ledger.CountingEntry>> expected = new HashMap<>();
            unique.forEach(r -> expected.computeIfAbsent(r.memberId(), m -> new ArrayList<>()).add(r));
            for (long member = base; member <= base + 201; member++) {
                List<Ledger.CountingEntry> own = new ArrayList<>(expected.getOrDefault(member, List.of()));
                own.sort(Comparator.comparing(Ledger.CountingEntry::date).thenComparingLong(Ledger.CountingEntry::id));
                assertThat(entries.of(member)).as("member %d, seed %d", member, seed).isEqualTo(own);
                assertThat(merged.of(member)).as("member %d, seed %d, %d parts", member, seed, count2).isEqualTo(own);
            }
        }
    }

    /**
     * Rows as a ledger gives them: mostly by date, but in runs (a month entered late, a year that wrapped) and with many
     * of one day whose ids are not in order; handed over by {@code forEach} as {@code of} gives them.
     */
    @Test
    void ordersRowsThatComeInRunsWithManyOfOneDay() {
        for (long seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            List<Ledger.CountingEntry> rows = new ArrayList<>();
            long id = 1;
            for (long member = 1; member <= 40; member++) {
                int runs = 1 + random.nextInt(3);
                for (int r = 0; r < runs; r++) {
                    LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
                    int length = random.nextInt(120);
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < length; i++) {
                        ids.add(id++);
                    }
                    // ids of one run a little out of order, as rows updated in place come back
                    for (int i = 0; i + 1 < length; i++) {
                        if (random.nextInt(5) == 0) {
                            java.util.Collections.swap(ids, i, i + 1);
                        }
                    }
                    for (int i = 0; i < length; i++) {
                        day = day.plusDays(random.nextInt(4) == 0 ? 1 : 0);
                        rows.add(new Ledger.CountingEntry(ids.get(i), member, "ITEM" + random.nextInt(5), day, BigDecimal.ONE, null, null));
                    }
                }
            }
            CycleEntries.Builder first = new CycleEntries.Builder();
            CycleEntries.Builder second = new CycleEntries.Builder();
            // the table's first half in one stream, the second in another
            for (int i = 0; i < rows.size(); i++) {
                Ledger.CountingEntry r = rows.get(i);
                (i < rows.size() / 2 ? first : second).add(r.id(), r.memberId(), r.itemCode(), r.date(), r.quantity(), r.points(), r.occurrence());
            }
            CycleEntries entries = CycleEntries.Builder.build(List.of(first, second));
            for (long member = 0; member <= 41; member++) {
                long m = member;
                List<Ledger.CountingEntry> own = new ArrayList<>(rows.stream().filter(r -> r.memberId() == m).toList());
                own.sort(Comparator.comparing(Ledger.CountingEntry::date).thenComparingLong(Ledger.CountingEntry::id));
                assertThat(entries.of(member)).as("member %d, seed %d", member, seed).isEqualTo(own);
                List<Ledger.CountingEntry> visited = new ArrayList<>();
                int count = entries.forEach(member, (entryId, item, date, quantity, points, occurrence) ->
                        visited.add(new Ledger.CountingEntry(entryId, m, entries.code(item), date, quantity, points, occurrence)));
                assertThat(visited).as("member %d, seed %d", member, seed).isEqualTo(own);
                assertThat(count).isEqualTo(own.size()).isEqualTo(entries.count(member));
            }
        }
    }
}
