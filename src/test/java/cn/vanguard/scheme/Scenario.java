package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.vanguard.scheme.file.Presets;

/**
 * Worked examples in a line: a member's ledger written as a compact text, scored under a scheme.
 *
 * <pre>
 * ACT_MEETING            one entry, quantity 1, dated 2025-06-15
 * ACT_MEETING*3          one entry of quantity 3
 * ACT_MEETING#70         seventy entries of quantity 1
 * DED_OTHER=-2           a RANGE entry of -2 points
 * R_GOOD_DEED@2025-03-01 an entry on that date (#n entries all share it)
 * CON_AWARD_CITY~A1      occurrence key A1 (exclusive groups)
 * POST_LEVEL:称职         an assessment (a criterion's number or a level's label)
 * votes:10/5/1           ballots of the vote appraisal, one count per level in scheme order
 * </pre>
 * Tokens are separated by spaces or semicolons; flags combine in the order {@code ITEM*q#n=p@date~occ}.
 */
public final class Scenario {

    public static final int YEAR = 2025;

    private final Scheme scheme;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();
    private final Map<String, List<Assessment>> assessments = new LinkedHashMap<>();
    private final Map<String, List<Votes>> votes = new LinkedHashMap<>();
    private final Map<String, PreviousResult> previous = new LinkedHashMap<>();
    private long ref = 1;

    private Scenario(Scheme scheme) {
        this.scheme = scheme;
    }

    public static Scenario under(String presetId) {
        return new Scenario(Presets.get(presetId).orElseThrow(() -> new IllegalArgumentException("no preset " + presetId)));
    }

    public static Scenario under(Scheme scheme) {
        return new Scenario(scheme);
    }

    public Scheme scheme() {
        return scheme;
    }

    /** A formal, in-service member of unit 第一支部. */
    public Scenario member(String id, String ledger) {
        return member(new Member(id, id, "第一支部", MemberType.FORMAL, Category.IN_SERVICE, null), ledger);
    }

    public Scenario member(String id, MemberType type, String ledger) {
        return member(new Member(id, id, "第一支部", type, Category.IN_SERVICE, null), ledger);
    }

    public Scenario member(Member member, String ledger) {
        members.put(member.id(), member);
        entries.put(member.id(), new ArrayList<>());
        assessments.put(member.id(), new ArrayList<>());
        votes.put(member.id(), new ArrayList<>());
        for (String token : ledger.trim().split("[;\\s]+")) {
            if (!token.isEmpty()) {
                add(member.id(), token);
            }
        }
        return this;
    }

    public Scenario previous(String id, String total) {
        previous.put(id, new PreviousResult(total == null ? null : new BigDecimal(total)));
        return this;
    }

    private void add(String id, String token) {
        if (token.startsWith("votes:")) {
            List<BigDecimal> counts = new ArrayList<>();
            for (String count : token.substring(6).split("/")) {
                counts.add(new BigDecimal(count));
            }
            votes.get(id).add(require(Inputs.votes(scheme, counts), token));
            return;
        }
        int colon = token.indexOf(':');
        if (colon > 0) {
            assessments.get(id).add(require(Inputs.assessment(scheme, token.substring(0, colon), token.substring(colon + 1), ref++), token));
            return;
        }
        String rest = token;
        String occurrence = null;
        LocalDate date = LocalDate.of(YEAR, 6, 15);
        BigDecimal points = null;
        int count = 1;
        BigDecimal quantity = null;
        int at = rest.indexOf('~');
        if (at >= 0) {
            occurrence = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        at = rest.indexOf('@');
        if (at >= 0) {
            date = LocalDate.parse(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        at = rest.indexOf('=');
        if (at >= 0) {
            points = new BigDecimal(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        at = rest.indexOf('#');
        if (at >= 0) {
            count = Integer.parseInt(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        at = rest.indexOf('*');
        if (at >= 0) {
            quantity = new BigDecimal(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        for (int i = 0; i < count; i++) {
            entries.get(id).add(require(Inputs.entry(scheme, YEAR, rest, date, quantity, points, occurrence, ref++), token));
        }
    }

    private static <T> T require(Checked<T> checked, String token) {
        if (!checked.ok()) {
            throw new IllegalArgumentException(token + ": " + checked.problems());
        }
        return checked.value();
    }

    public List<MemberInput> inputs() {
        List<MemberInput> inputs = new ArrayList<>();
        for (Member member : members.values()) {
            inputs.add(new MemberInput(member, entries.get(member.id()), assessments.get(member.id()), votes.get(member.id()),
                    previous.get(member.id())));
        }
        return inputs;
    }

    public ScoreSheet score() {
        return score(Span.year(YEAR));
    }

    public ScoreSheet score(Span span) {
        return ScoringEngine.score(scheme, span, inputs(),
                ScoringOptions.explained().withPreviousProvided(!previous.isEmpty()));
    }

    /** The result of the only (or first) member, scored over the year. */
    public MemberResult result() {
        return score().members().get(0);
    }

    public MemberResult result(String id) {
        return score().members().stream().filter(r -> r.member().id().equals(id)).findFirst().orElseThrow();
    }

    /** One member's year under a preset: the shortest worked example. */
    public static MemberResult score(String presetId, String ledger) {
        return under(presetId).member("M1", ledger).result();
    }
}
