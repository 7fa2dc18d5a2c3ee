package cn.vanguard.org;

import java.time.LocalDate;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/**
 * What a person enters for a member. {@code idCard} empty keeps the stored number; {@code code} empty on creation
 * assigns the next free 党员编号.
 */
public record MemberForm(String code, String name, Gender gender, LocalDate birthDate, String idCard, String phone,
                         LocalDate joinedOn, MemberType type, Category category, MemberStatus status, Long unitId) {
}
