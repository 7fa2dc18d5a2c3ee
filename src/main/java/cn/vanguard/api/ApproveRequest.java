package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Approval of an entry waiting for it, at the version read. */
@Schema(name = "Approve", description = "审核通过。Approve an entry.")
public record ApproveRequest(
        @Schema(description = "读取时的版本号。The version read.", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) Integer version) {
}
