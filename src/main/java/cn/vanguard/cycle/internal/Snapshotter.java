package cn.vanguard.cycle.internal;

import cn.vanguard.ledger.ChainHead;
import cn.vanguard.ledger.LedgerChain;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.Snapshot;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Units;
import cn.vanguard.standings.EngineInputs;

/**
 * Makes a period's snapshot: its members' inputs read once, scored by the engine over the period (PeriodResults), and
 * written with the ledger chain heads of every unit the members' entries may have been recorded in.
 */
@Component
public class Snapshotter {

    private final PeriodUnits periodUnits;
    private final EngineInputs inputs;
    private final SnapshotRows rows;
    private final LedgerChain chain;
    private final Units units;
    private final Clock clock;

    Snapshotter(PeriodUnits periodUnits, EngineInputs inputs, SnapshotRows rows, LedgerChain chain, Units units, Clock clock) {
        this.periodUnits = periodUnits;
        this.inputs = inputs;
        this.rows = rows;
        this.chain = chain;
        this.units = units;
        this.clock = clock;
    }

    /** Freezes the period's results as they are now; returns the new snapshot's id. */
    public long make(EvaluationPeriod period, PeriodUnits.Setup setup, String reason, Long accountId) {
        return make(period, setup, reason, accountId, clock.instant());
    }

    /** Freezes the period's results as the ledger holds them now, the snapshot dated {@code at}; returns its id. */
    public long make(EvaluationPeriod period, PeriodUnits.Setup setup, String reason, Long accountId, java.time.Instant at) {
        long chainRoot = setup.byBranch() ? setup.unitId() : setup.scheme().unitId();
        // the heads first, held to the end of the transaction: the entries read below are exactly those they cover
        List<ChainHead> kept = chain.hold(units.subtree(chainRoot));
        List<MemberRecord> people = periodUnits.members(setup);
        List<EngineInputs.Built> built = inputs.build(setup.scheme(), period.year(), people);
        PeriodResults.Computed computed = PeriodResults.compute(period, setup.scheme(), built,
                rows.countedElsewhere(period.year(), period.id()), setup::spanOf);
        return rows.insert(period.id(), reason, setup.scheme().id(), kept, computed.lines(), computed.counted(), accountId, at);
    }
}
