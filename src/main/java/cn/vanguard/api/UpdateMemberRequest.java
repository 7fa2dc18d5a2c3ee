package cn.vanguard.api;

import java.time.LocalDate;

import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member's details as a whole, with the version they were read at. */
@Schema(name = "UpdateMember", description = "修改党员信息（整体替换），须带读取时的版本号。Replace a member's details; "
        + "send the version they were read at.")
public record UpdateMemberRequest(
        @Schema(description = "党员编号；为空则保持不变。Member code; empty keeps it.", example = "M00012") String code,
        @Schema(example = "张三", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        Gender gender,
        @Schema(example = "1985-05-01") LocalDate birthDate,
        @Schema(description = "新的身份证号；为空则保留原号码。A new ID-card number; empty keeps the stored one.") String idCard,
        @Schema(example = "13800000000") String phone,
        @Schema(example = "2010-07-01") LocalDate joinedOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MemberType type,
        Category category,
        @Schema(description = "状态；为空则保持不变。Status; empty keeps it.") MemberStatus status,
        @Schema(description = "所在组织；只能是当前组织（调整组织请用转接）。Unit; only the current one (use transfer to move).")
        Long unitId,
        @Schema(description = "读取时的版本号。The version read.", example = "3", requiredMode = Schema.RequiredMode.REQUIRED)
        Integer version) {

    MemberForm form() {
        return new MemberForm(code, name, gender, birthDate, idCard, phone, joinedOn, type, category, status, unitId);
    }
}
