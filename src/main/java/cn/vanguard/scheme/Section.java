package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A part of the score with its own maximum (积分板块).
 *
 * @param max             the cap; {@code null} for an uncapped section
 * @param criteriaDefault for CRITERIA sections, overrides the scheme's default; {@code null} to inherit it
 * @param attainment      the target of an ATTAINMENT section
 * @param votes           the ballot levels of a vote APPRAISAL section; empty for the level form
 */
public record Section(
        String code,
        String name,
        SectionMode mode,
        BigDecimal max,
        CriteriaDefault criteriaDefault,
        Attainment attainment,
        List<VoteLevel> votes,
        String clause,
        String interpretation) {

    public Section {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(mode);
        votes = votes == null ? List.of() : List.copyOf(votes);
        if (mode == SectionMode.ATTAINMENT && (attainment == null || max == null)) {
            throw new IllegalArgumentException("an ATTAINMENT section needs a target and a max");
        }
        if (mode == SectionMode.APPRAISAL && max == null) {
            throw new IllegalArgumentException("an APPRAISAL section needs a max");
        }
    }

    /** Whether a vote appraisal (as opposed to a level appraisal or any other mode). */
    public boolean isVoteAppraisal() {
        return mode == SectionMode.APPRAISAL && !votes.isEmpty();
    }
}
