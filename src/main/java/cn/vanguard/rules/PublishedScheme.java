package cn.vanguard.rules;

import java.time.OffsetDateTime;

import cn.vanguard.scheme.Scheme;

/**
 * A published, immutable version of a scheme for a unit and a cycle year.
 *
 * @param copiedFrom the version this one was copied from (a branch's copy of its committee's scheme), or null
 */
public record PublishedScheme(long id, long unitId, String unitName, int year, int versionNo, String schemeId, String name,
                              SourceKind sourceKind, String presetId, Long copiedFrom, String yaml, OffsetDateTime publishedAt,
                              String publishedBy, Scheme scheme) {

    /** Where a version came from. */
    public enum SourceKind {
        PRESET("方案模板"),
        FILE("上传的方案文件"),
        COPY("复制上级方案修改");

        private final String label;

        SourceKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
