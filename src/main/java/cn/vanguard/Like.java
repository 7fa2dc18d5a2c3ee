package cn.vanguard;

/**
 * LIKE patterns for text a person typed into a search box, in which {@code %} and {@code _} stand for themselves
 * (searching “50%” or “a_b” finds just that). The pattern is bound as a parameter followed by {@link #ESCAPE}, which H2
 * and PostgreSQL read alike.
 */
public final class Like {

    /** What follows each {@code like :parameter} that takes a pattern of {@link #containing(String)}. */
    public static final String ESCAPE = " escape '\\'";

    private Like() {
    }

    /** A pattern that matches any text containing {@code text} literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
