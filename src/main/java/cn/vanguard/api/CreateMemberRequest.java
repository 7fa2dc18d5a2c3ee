package cn.vanguard.api;

import java.time.LocalDate;

import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new member of a unit. */
@Schema(name = "CreateMember", description = "新增党员。A new member.")
public record CreateMemberRequest(
        @Schema(description = "党员编号；为空则自动分配 M00001 起的下一个编号。Member code; empty assigns the next free one.",
                example = "M00012") String code,
        @Schema(example = "张三", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        Gender gender,
        @Schema(example = "1985-05-01") LocalDate birthDate,
        @Schema(description = "18位身份证号，加密保存，此后只以脱敏形式返回。The 18-character ID-card number, stored encrypted, "
                + "afterwards only returned masked.", example = "11010519491231002X") String idCard,
        @Schema(example = "13800000000") String phone,
        @Schema(description = "入党日期。Date joined.", example = "2010-07-01") LocalDate joinedOn,
        @Schema(description = "党员身份。Member type.", requiredMode = Schema.RequiredMode.REQUIRED) MemberType type,
        @Schema(description = "人员类别，默认在职党员。Category, IN_SERVICE by default.") Category category,
        @Schema(description = "状态，默认在册。Status, ACTIVE by default.") MemberStatus status,
        @Schema(description = "所在组织。Unit.", example = "12", requiredMode = Schema.RequiredMode.REQUIRED) Long unitId) {

    MemberForm form() {
        return new MemberForm(code, name, gender, birthDate, idCard, phone, joinedOn, type, category, status, unitId);
    }
}
