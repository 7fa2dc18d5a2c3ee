package cn.vanguard.scheme;

import java.util.Objects;

/**
 * Items that do not accumulate for the same occurrence: of the entries sharing the group and an occurrence key,
 * only the highest counts (同一项目不同级别表彰的不能累计加分，以最高级别计分).
 */
public record ExclusiveGroup(String code, String name, String clause) {
    public ExclusiveGroup {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
    }
}
