package cn.vanguard.scheme;

import java.util.List;

/** A scheme laid out in arrays for the hot loop, built once per scoring run. */
final class Plan {

    final Scheme scheme;
    final Span span;
    final Item[] items;
    /** the section an item's points go to (SECTION items, and DEDUCTION items routed into a section), else -1. */
    final int[] sectionOf;
    /** items whose quantities feed thresholds, attainment targets or attendance warnings. */
    final boolean[] tracked;
    final boolean hasGroups;

    Plan(Scheme scheme, Span span) {
        this.scheme = scheme;
        this.span = span;
        List<Item> list = scheme.items();
        items = list.toArray(Item[]::new);
        sectionOf = new int[items.length];
        tracked = new boolean[items.length];
        boolean groups = false;
        for (int i = 0; i < items.length; i++) {
            Item item = items[i];
            sectionOf[i] = item.section() == null ? -1 : scheme.sectionIndexOf(item.section());
            groups |= item.group() != null;
            if (item.threshold() != null) {
                tracked[scheme.indexOf(scheme.item(item.threshold().item()))] = true;
            }
        }
        for (Section section : scheme.sections()) {
            if (section.attainment() != null && section.attainment().expectedItem() != null) {
                tracked[scheme.indexOf(scheme.item(section.attainment().expectedItem()))] = true;
            }
        }
        for (WarningRule rule : scheme.warnings()) {
            if (rule.attendance() != null) {
                tracked[scheme.indexOf(scheme.item(rule.attendance().item()))] = true;
            }
        }
        hasGroups = groups;
    }
}
