package cn.vanguard.scheme;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …": the closest known word to a mistyped one, if it is close enough to be a typo. Ties go to the
 * alphabetically first candidate, so the same typo always gets the same suggestion.
 */
public final class Suggestions {

    private Suggestions() {
    }

    public static String closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String needle = typed.toUpperCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(needle, candidate.toUpperCase(Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int tolerance = Math.max(1, Math.min(3, typed.length() / 3));
        return bestDistance <= tolerance ? best : null;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
