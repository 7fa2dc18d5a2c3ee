package cn.vanguard.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.vanguard.Conflict;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntryApproved;
import cn.vanguard.ledger.EntryChecked;
import cn.vanguard.ledger.EntryRejected;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStates;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The review's state machine against a real database: every action on an entry in every status, with the audit line
 * and the event each decision leaves; and the ledger's one way to move a status, tried for every pair of statuses.
 */
@RecordApplicationEvents
abstract class ReviewStatesContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    EntryStates states;
    @Autowired
    Guard guard;
    @Autowired
    ApplicationEvents events;

    Fixtures.Tree tree;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    LocalDate day;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        day = LocalDate.of(fixtures.year(), 1, 10);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    /** An entry the scorer recorded (or a member declared) for a member of its own, standing in {@code status}. */
    private LedgerEntry entryIn(EntryStatus status) {
        long member = fixtures.member(tree.branch().id(), Fixtures.unique("党员"));
        boolean decided = status == EntryStatus.APPROVED || status == EntryStatus.REJECTED;
        ledger.seedTrusted(List.of(new Ledger.Seed(member, "ACT_STUDY", day, BigDecimal.ONE, null, null, "集中学习", null,
                status == EntryStatus.FIRST_CHECK ? EntrySource.DECLARED : EntrySource.SCORER, status, scorer.id(), null,
                decided ? scorer.id() : null, status == EntryStatus.REJECTED ? "重复" : null)), AuditLog.Actor.SYSTEM);
        long id = fixtures.jdbc().sql("select max(id) from ledger_entry where member_id = :m").param("m", member).query(Long.class).single();
        return ledger.get(id);
    }

    private LedgerEntry take(String action, LedgerEntry entry) {
        return switch (action) {
            case "check" -> review.check(entry.id(), true, null, entry.version());
            case "fail-check" -> review.check(entry.id(), false, "材料不实", entry.version());
            case "approve" -> review.approve(entry.id(), entry.version());
            case "reject" -> review.reject(entry.id(), "材料不实", entry.version());
            default -> throw new IllegalArgumentException(action);
        };
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            check      | FIRST_CHECK | PENDING  | ENTRY_CHECKED  | 初审通过：
            check      | PENDING     | 不能初审  |                |
            check      | APPROVED    | 不能初审  |                |
            check      | REJECTED    | 不能初审  |                |
            fail-check | FIRST_CHECK | REJECTED | ENTRY_REJECTED | 初审驳回：
            fail-check | PENDING     | 不能初审  |                |
            fail-check | APPROVED    | 不能初审  |                |
            fail-check | REJECTED    | 不能初审  |                |
            approve    | FIRST_CHECK | 不能审核通过 |              |
            approve    | PENDING     | APPROVED | ENTRY_APPROVED | 审核通过：
            approve    | APPROVED    | 不能审核通过 |              |
            approve    | REJECTED    | 不能审核通过 |              |
            reject     | FIRST_CHECK | REJECTED | ENTRY_REJECTED | 初审驳回：
            reject     | PENDING     | REJECTED | ENTRY_REJECTED | 驳回：
            reject     | APPROVED    | 不能驳回  |                |
            reject     | REJECTED    | 不能驳回  |                |
            """)
    void everyActionOnEveryStatusMovesTheEntryWhereTheReviewAllowsAndAuditsIt(String action, EntryStatus status, String outcome,
                                                                               String auditAction, String summary) {
        LedgerEntry entry = entryIn(status);
        secretary.signIn();
        if (auditAction == null) {
            assertThatThrownBy(() -> take(action, entry)).isInstanceOf(Conflict.class)
                    .hasMessage("该记录当前状态为“" + status.label() + "”，" + outcome);
            LedgerEntry stored = ledger.get(entry.id());
            assertThat(List.of(stored.status(), stored.version())).as("untouched").containsExactly(status, entry.version());
            assertThat(auditLines(entry.id())).as("nothing audited").isEmpty();
            assertThat(events.stream(EntryChecked.class).count() + events.stream(EntryApproved.class).count()
                    + events.stream(EntryRejected.class).count()).as("nothing announced").isZero();
            return;
        }
        EntryStatus to = EntryStatus.valueOf(outcome);
        LedgerEntry after = take(action, entry);
        assertThat(after.status()).isEqualTo(to);
        // the same instants: PostgreSQL answers them in UTC, the review in the configured zone
        assertThat(after).as("the entry returned is the entry stored").usingRecursiveComparison()
                .withComparatorForType(OffsetDateTime.timeLineOrder(), OffsetDateTime.class).isEqualTo(ledger.get(entry.id()));
        assertThat(after.version()).isEqualTo(entry.version() + 1);
        assertThat(to == EntryStatus.PENDING ? after.checkedBy() : after.decidedBy()).isEqualTo(secretary.id());
        List<Map<String, Object>> lines = auditLines(entry.id());
        assertThat(lines).hasSize(1);
        Map<String, Object> line = lines.get(0);
        assertThat(line.get("action")).isEqualTo(auditAction);
        assertThat(line.get("username")).isEqualTo(secretary.username());
        assertThat((String) line.get("summary")).startsWith(summary + entry.memberName() + " " + entry.itemName());
        if (to == EntryStatus.REJECTED) {
            assertThat(after.rejectReason()).isEqualTo("材料不实");
            assertThat((String) line.get("summary")).endsWith("，理由：材料不实");
        }
        assertThat((String) line.get("before_json")).contains("\"status\": \"" + status + "\"", "\"item\": \"ACT_STUDY\"");
        assertThat((String) line.get("after_json")).contains("\"status\": \"" + to + "\"", "\"item\": \"ACT_STUDY\"");
        switch (to) {
            case PENDING -> assertThat(events.stream(EntryChecked.class))
                    .containsExactly(new EntryChecked(entry.id(), entry.memberId(), after));
            case APPROVED -> assertThat(events.stream(EntryApproved.class))
                    .containsExactly(new EntryApproved(entry.id(), entry.memberId(), day, null, after));
            default -> assertThat(events.stream(EntryRejected.class))
                    .containsExactly(new EntryRejected(entry.id(), entry.memberId(), day, "材料不实", status, after));
        }
    }

    private List<Map<String, Object>> auditLines(long entryId) {
        return fixtures.jdbc().sql("select action, username, summary, before_json, after_json from audit_log "
                        + "where object_type = 'ledger_entry' and object_id = :id order by id")
                .param("id", Long.toString(entryId)).query().listOfRows();
    }

    /**
     * An entry written into the table by hand (a restore gone wrong, a script) has no link in its unit's chain: its
     * decision could not be chained, so the review refuses it with a sentence, not an error page, and changes nothing.
     */
    @Test
    void anEntryWrittenIntoTheTableByHandIsRefusedAndLeftAsItWas() {
        LedgerEntry recorded = entryIn(EntryStatus.PENDING);
        long id = fixtures.jdbc().sql("""
                        insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, source, status,
                                                  recorded_by, recorded_at)
                        select member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, source, status, recorded_by, recorded_at
                        from ledger_entry where id = :id""")
                .param("id", recorded.id()).update() == 1
                ? fixtures.jdbc().sql("select max(id) from ledger_entry").query(Long.class).single() : -1;
        LedgerEntry entry = ledger.get(id);
        secretary.signIn();
        for (String action : List.of("approve", "reject")) {
            assertThatThrownBy(() -> take(action, entry)).as(action).isInstanceOf(Conflict.class)
                    .hasMessage("积分记录 #" + id + " 不是经本系统记录或导入的（账本中没有它的记录环节），不能审核；请管理员在“账本校验”中核对后处理");
        }
        LedgerEntry stored = ledger.get(id);
        assertThat(List.of(stored.status(), stored.version())).as("untouched").containsExactly(EntryStatus.PENDING, entry.version());
        assertThat(auditLines(id)).as("nothing audited").isEmpty();
        assertThat(events.stream(EntryApproved.class).count() + events.stream(EntryRejected.class).count()).as("nothing announced").isZero();
        // the entry recorded here is still approved as ever
        assertThat(take("approve", recorded).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void theLedgerMovesAStatusOnlyWhereTheStatusAllowsAndOnlyAtTheVersionRead() {
        secretary.signIn();
        for (EntryStatus from : EntryStatus.values()) {
            for (EntryStatus to : EntryStatus.values()) {
                LedgerEntry entry = entryIn(from);
                if (from.canMoveTo(to)) {
                    assertThat(states.move(entry, to, entry.version() + 1, guard.current(), "理由")).as("%s → %s at a stale version", from, to)
                            .isEmpty();
                    assertThat(states.move(entry, to, entry.version(), guard.current(), "理由")).as("%s → %s", from, to)
                            .hasValueSatisfying(moved -> assertThat(moved.status()).isEqualTo(to));
                    assertThat(ledger.get(entry.id()).status()).as("%s → %s stored", from, to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> states.move(entry, to, entry.version(), guard.current(), "理由")).as("%s → %s", from, to)
                            .isInstanceOf(IllegalStateException.class);
                    assertThat(ledger.get(entry.id()).status()).as("%s → %s refused, nothing stored", from, to).isEqualTo(from);
                }
            }
        }
    }
}
