package cn.vanguard.standings.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberFigures;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.PreviousResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of the engine's values as JSON text. Decimals are written as strings, so that a value reads back
 * with its scale and compares equal to what was written; maps are written as arrays of pairs, in order.
 */
final class Codec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Codec() {
    }

    static String figures(MemberFigures f) {
        return write(g -> {
            g.writeStartObject();
            member(g, f.member());
            g.writeStringProperty("reason", f.reason());
            g.writeBooleanProperty("fail", f.fail());
            g.writeStringProperty("total", text(f.total()));
            g.writeName("sections");
            g.writeStartArray();
            f.sections().forEach(v -> g.writeString(v.toPlainString()));
            g.writeEndArray();
            g.writeStringProperty("bonus", text(f.bonus()));
            g.writeStringProperty("deductions", text(f.deductions()));
            strings(g, "vetoes", f.vetoes());
            pairs(g, "attendance", f.attendance());
            strings(g, "seen", new ArrayList<>(f.attendanceSeen()));
            if (f.previous() != null) {
                g.writeStringProperty("previous", text(f.previous().total()));
            }
            g.writeName("months");
            g.writeStartArray();
            for (MemberFigures.Month m : f.months()) {
                g.writeStartObject();
                g.writeStringProperty("label", m.label());
                g.writeBooleanProperty("scored", m.scored());
                g.writeBooleanProperty("fail", m.fail());
                g.writeStringProperty("total", text(m.total()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static MemberFigures figures(String text) {
        JsonNode o = JSON.readTree(text);
        List<MemberFigures.Month> months = new ArrayList<>();
        for (JsonNode m : o.get("months")) {
            months.add(new MemberFigures.Month(m.get("label").asString(), m.get("scored").asBoolean(), m.get("fail").asBoolean(),
                    decimal(m.get("total"))));
        }
        Set<String> seen = new HashSet<>(strings(o.get("seen")));
        PreviousResult previous = o.has("previous") ? new PreviousResult(decimal(o.get("previous"))) : null;
        return new MemberFigures(member(o.get("member")), string(o.get("reason")), o.get("fail").asBoolean(), decimal(o.get("total")),
                decimals(o.get("sections")), decimal(o.get("bonus")), decimal(o.get("deductions")), strings(o.get("vetoes")),
                pairs(o.get("attendance")), seen, previous, months, null);
    }

    /**
     * A result without its explanation (which is computed for one member when asked, never stored) and without its
     * {@link Headline} (which the standing row's columns hold): the member, sections, bonus, deductions, vetoes, flags
     * and warnings.
     */
    static String result(MemberResult r) {
        return write(g -> {
            g.writeStartObject();
            member(g, r.member());
            pairs(g, "sections", r.sections());
            g.writeStringProperty("bonus", text(r.bonus()));
            g.writeStringProperty("deductions", text(r.deductions()));
            strings(g, "vetoes", r.vetoes());
            strings(g, "flags", r.flags());
            strings(g, "warnings", r.warnings());
            g.writeEndObject();
        });
    }

    /** JSON written as Jackson's generator writes it, straight into a builder: no tree, no generator a row. */
    private static String write(java.util.function.Consumer<JsonText> body) {
        JsonText g = new JsonText(512);
        body.accept(g);
        return g.toString();
    }

    private static void member(JsonText g, Member m) {
        g.writeName("member");
        g.writeStartObject();
        g.writeStringProperty("id", m.id());
        g.writeStringProperty("name", m.name());
        g.writeStringProperty("unit", m.unit());
        g.writeStringProperty("type", m.type().name());
        g.writeStringProperty("category", m.category().name());
        g.writeStringProperty("unitId", m.unitId());
        if (m.exempt() != null) {
            g.writeBooleanProperty("exempt", m.exempt());
        }
        g.writeEndObject();
    }

    private static void strings(JsonText g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        values.forEach(g::writeString);
        g.writeEndArray();
    }

    private static void pairs(JsonText g, String name, Map<String, BigDecimal> map) {
        g.writeName(name);
        g.writeStartArray();
        map.forEach((k, v) -> {
            g.writeStartArray();
            g.writeString(k);
            g.writeString(text(v));
            g.writeEndArray();
        });
        g.writeEndArray();
    }

    /** A stored result: its headline from the standing row, the rest from the detail's text. */
    static MemberResult result(Headline h, String text) {
        JsonNode o = JSON.readTree(text);
        return new MemberResult(member(o.get("member")), h.scored(), h.reason(), h.total(), h.rank(), h.grade(), h.graded(), h.stars(),
                pairs(o.get("sections")), decimal(o.get("bonus")), decimal(o.get("deductions")), strings(o.get("vetoes")),
                strings(o.get("flags")), strings(o.get("warnings")), List.of());
    }

    private static Member member(JsonNode o) {
        return new Member(o.get("id").asString(), o.get("name").asString(), o.get("unit").asString(),
                MemberType.valueOf(o.get("type").asString()), Category.valueOf(o.get("category").asString()),
                o.has("exempt") ? o.get("exempt").asBoolean() : null, o.get("unitId").asString());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asString());
    }

    private static String string(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asString()));
        return values;
    }

    private static List<BigDecimal> decimals(JsonNode node) {
        List<BigDecimal> values = new ArrayList<>();
        node.forEach(n -> values.add(new BigDecimal(n.asString())));
        return values;
    }

    private static Map<String, BigDecimal> pairs(JsonNode node) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        node.forEach(p -> map.put(p.get(0).asString(), decimal(p.get(1))));
        return map;
    }
}
