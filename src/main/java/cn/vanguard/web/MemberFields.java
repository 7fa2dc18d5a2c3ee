package cn.vanguard.web;

import java.time.LocalDate;
import cn.vanguard.sheet.Dates;
import java.util.Map;

import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/**
 * The member form as typed: every field as text, so that a wrong value is shown again as it was entered. The unit is
 * chosen on creation only (later changes go through a transfer); {@code version} guards an edit against a lost update.
 */
record MemberFields(String code, String name, String gender, String birthDate, String idCard, String phone, String joinedOn,
                    String type, String category, String status, Long unitId, Integer version) {

    static MemberFields blank(Long unitId) {
        return new MemberFields("", "", "", "", "", "", "", MemberType.FORMAL.name(), Category.IN_SERVICE.name(),
                MemberStatus.ACTIVE.name(), unitId, null);
    }

    /** The member's fields for editing; the ID-card number stays empty (empty keeps the stored one). */
    static MemberFields of(MemberRecord m) {
        return new MemberFields(m.code(), m.name(), m.gender() == null ? "" : m.gender().name(), text(m.birthDate()), "", m.phone(),
                text(m.joinedOn()), m.type().name(), m.category().name(), m.status().name(), m.unitId(), m.version());
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** The form for the service; what cannot be read is added to {@code errors} (field → Chinese message). */
    MemberForm toForm(Map<String, String> errors) {
        return new MemberForm(code, name, choice(Gender.class, gender, "gender", "性别", errors), date(birthDate, "birthDate", errors),
                idCard, phone, date(joinedOn, "joinedOn", errors), choice(MemberType.class, type, "type", "党员身份", errors),
                choice(Category.class, category, "category", "人员类别", errors), choice(MemberStatus.class, status, "status", "状态", errors),
                unitId);
    }

    static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = Dates.parse(text);
        if (date == null) {
            errors.put(field, "日期格式应为 2024-07-01");
        }
        return date;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field, String what, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "请从列表中选择" + what);
            return null;
        }
    }
}
