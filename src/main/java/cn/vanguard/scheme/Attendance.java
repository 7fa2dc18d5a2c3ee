package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A yearly minimum quantity of a count-only item per member category (组织生活次数: 领导班子 12, 普通党员 10, 离退休 5). */
public record Attendance(String item, Map<Category, BigDecimal> required) {
    public Attendance {
        Objects.requireNonNull(item);
        required = Map.copyOf(required);
    }
}
