package cn.vanguard.api;

import java.time.LocalDate;

import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member as the roster keeps them; the ID-card number only masked. */
@Schema(name = "Member", description = "党员；身份证号只以脱敏形式返回。A member; the ID-card number only masked.")
public record MemberView(
        @Schema(example = "301") long id,
        @Schema(description = "党员编号。Member code.", example = "M00012") String code,
        @Schema(example = "张三") String name,
        Gender gender,
        @Schema(example = "女") String genderLabel,
        @Schema(example = "1985-05-01") LocalDate birthDate,
        @Schema(description = "脱敏的身份证号（前4位和后4位）。The masked ID-card number.", example = "1101**********123X") String idCardMasked,
        @Schema(example = "13800000000") String phone,
        @Schema(description = "入党日期。Date joined.", example = "2010-07-01") LocalDate joinedOn,
        @Schema(description = "党员身份。Member type.") MemberType type,
        @Schema(example = "正式党员") String typeLabel,
        @Schema(description = "人员类别。Category.") Category category,
        @Schema(example = "在职党员") String categoryLabel,
        @Schema(description = "状态。Status.") MemberStatus status,
        @Schema(example = "在册") String statusLabel,
        @Schema(example = "12") long unitId,
        @Schema(example = "机关第一党支部") String unitName,
        @Schema(description = "版本号，修改时原样提交（乐观锁）。Version, sent back when updating (optimistic locking).", example = "3")
        int version) {

    static MemberView of(MemberRecord m) {
        return new MemberView(m.id(), m.code(), m.name(), m.gender(), m.gender() == null ? null : m.gender().label(), m.birthDate(),
                m.idCardMasked(), m.phone(), m.joinedOn(), m.type(), m.type().label(), m.category(), m.category().label(), m.status(),
                m.status().label(), m.unitId(), m.unitName(), m.version());
    }
}
