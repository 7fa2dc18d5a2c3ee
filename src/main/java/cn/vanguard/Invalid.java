package cn.vanguard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input a person got wrong, field by field, in Chinese: shown beside the fields of a form, or as a Problem Details
 * response with an {@code errors} map in the API. Nothing was changed.
 */
public class Invalid extends RuntimeException {

    private final Map<String, String> errors;

    public Invalid(Map<String, String> errors) {
        super(String.join("；", errors.values()));
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public static Invalid of(String field, String message) {
        return new Invalid(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
