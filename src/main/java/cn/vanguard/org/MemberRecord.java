package cn.vanguard.org;

import java.time.LocalDate;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/** A member as the organisation keeps them. The ID-card number is only ever shown masked. */
public record MemberRecord(long id, String code, String name, Gender gender, LocalDate birthDate, String idCardMasked,
                           String phone, LocalDate joinedOn, MemberType type, Category category, MemberStatus status,
                           long unitId, String unitName, int version) {
}
