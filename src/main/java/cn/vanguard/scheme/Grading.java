package cn.vanguard.scheme;

import java.util.List;
import java.util.Set;

/**
 * 等次: bands highest first, the failing grade that FAIL vetoes force, and the member types that are scored and
 * ranked but not graded (预备党员和入党积极分子…不参与评定等次).
 */
public record Grading(List<GradeBand> bands, String failing, Set<MemberType> notGraded, String clause) {
    public Grading {
        bands = bands == null ? List.of() : List.copyOf(bands);
        notGraded = notGraded == null ? Set.of() : Set.copyOf(notGraded);
    }

    public static Grading none() {
        return new Grading(List.of(), null, Set.of(), null);
    }

    public GradeBand bandOf(java.math.BigDecimal total) {
        for (GradeBand band : bands) {
            if (band.admits(total)) {
                return band;
            }
        }
        return null;
    }

    /**
     * The statutory wording of one of these bands (民法典 第1259条: 以上、以下 include the number, 高于、低于 do not):
     * "90分以上", "高于70分、低于108分", "70分以下".
     */
    public String wording(GradeBand band) {
        return Wording.bandText(bands, band);
    }
}
