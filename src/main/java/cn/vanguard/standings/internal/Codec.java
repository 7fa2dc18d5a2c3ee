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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of the engine's values as JSON text. Decimals are written as strings, so that a value reads back
 * with its scale and compares equal to what was written; maps are written as arrays of pairs, in order.
 */
final class Codec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Codec() {
    }

    static String figures(MemberFigures f) {
        ObjectNode o = JSON.createObjectNode();
        o.set("member", member(f.member()));
        o.put("reason", f.reason());
        o.put("fail", f.fail());
        o.put("total", text(f.total()));
        o.set("sections", decimals(f.sections()));
        o.put("bonus", text(f.bonus()));
        o.put("deductions", text(f.deductions()));
        o.set("vetoes", strings(f.vetoes()));
        o.set("attendance", pairs(new LinkedHashMap<>(f.attendance())));
        o.set("seen", strings(new ArrayList<>(f.attendanceSeen())));
        if (f.previous() != null) {
            o.put("previous", text(f.previous().total()));
        }
        ArrayNode months = o.putArray("months");
        for (MemberFigures.Month m : f.months()) {
            months.addObject().put("label", m.label()).put("scored", m.scored()).put("fail", m.fail()).put("total", text(m.total()));
        }
        return JSON.writeValueAsString(o);
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

    /** A result without its explanation (which is computed for one member when asked, never stored). */
    static String result(MemberResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.set("member", member(r.member()));
        o.put("scored", r.scored());
        o.put("reason", r.reason());
        o.put("total", text(r.total()));
        o.put("rank", r.rank());
        o.put("grade", r.grade());
        o.put("graded", r.graded());
        o.put("stars", r.stars());
        o.set("sections", pairs(r.sections()));
        o.put("bonus", text(r.bonus()));
        o.put("deductions", text(r.deductions()));
        o.set("vetoes", strings(r.vetoes()));
        o.set("flags", strings(r.flags()));
        o.set("warnings", strings(r.warnings()));
        return JSON.writeValueAsString(o);
    }

    static MemberResult result(String text) {
        JsonNode o = JSON.readTree(text);
        return new MemberResult(member(o.get("member")), o.get("scored").asBoolean(), string(o.get("reason")), decimal(o.get("total")),
                integer(o.get("rank")), string(o.get("grade")), o.get("graded").asBoolean(), integer(o.get("stars")),
                pairs(o.get("sections")), decimal(o.get("bonus")), decimal(o.get("deductions")), strings(o.get("vetoes")),
                strings(o.get("flags")), strings(o.get("warnings")), List.of());
    }

    private static ObjectNode member(Member m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", m.id()).put("name", m.name()).put("unit", m.unit()).put("type", m.type().name())
                .put("category", m.category().name()).put("unitId", m.unitId());
        if (m.exempt() != null) {
            o.put("exempt", m.exempt());
        }
        return o;
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

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asString()));
        return values;
    }

    private static ArrayNode decimals(List<BigDecimal> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(v -> a.add(v.toPlainString()));
        return a;
    }

    private static List<BigDecimal> decimals(JsonNode node) {
        List<BigDecimal> values = new ArrayList<>();
        node.forEach(n -> values.add(new BigDecimal(n.asString())));
        return values;
    }

    private static ArrayNode pairs(Map<String, BigDecimal> map) {
        ArrayNode a = JSON.createArrayNode();
        map.forEach((k, v) -> a.addArray().add(k).add(text(v)));
        return a;
    }

    private static Map<String, BigDecimal> pairs(JsonNode node) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        node.forEach(p -> map.put(p.get(0).asString(), decimal(p.get(1))));
        return map;
    }
}
