package cn.vanguard.ledger.internal;

import java.util.Map;
import java.util.TreeMap;

import cn.vanguard.ledger.ChainCheck.Broken;
import cn.vanguard.ledger.ChainCheck.Kind;
import cn.vanguard.ledger.EntryStatus;

/**
 * One unit's chain checked link by link, in order: each link's hash recomputed from the previous hash and the row as it
 * stands now, and each entry's status replayed through its links by the rules of {@link EntryStatus#canMoveTo}, so that
 * a status changed in the database without its decision (待审核 set to 已生效 directly) shows as well as a changed field.
 */
final class ChainWalk {

    /** A link as stored, with its entry's row as it stands now (null when the row is gone). */
    record Link(long seq, long entryId, Kind kind, String hash, String groups, ChainRow row) {
    }

    /** An entry's status as its links replay it, against its row's. */
    private static final class Track {
        final long recordedSeq;
        EntryStatus replayed;
        EntryStatus row;

        Track(long recordedSeq, EntryStatus replayed) {
            this.recordedSeq = recordedSeq;
            this.replayed = replayed;
        }
    }

    private final long unitId;
    private final Map<Long, String> kept;
    private final Map<Long, Track> entries = new TreeMap<>();
    private String previous;
    private long expected = 1;
    private Broken broken;
    private Broken gap;
    private long lastEntry;
    private Kind lastKind = Kind.RECORDED;
    private int headsChecked;

    /** {@code kept}: the hashes that kept heads claim for sequence numbers of this chain. */
    ChainWalk(long unitId, Map<Long, String> kept) {
        this.unitId = unitId;
        this.kept = kept;
        this.previous = ChainForm.genesis(unitId);
        check(0, 0, Kind.RECORDED);
    }

    /** False once a link is broken: the walk of this unit stops there. */
    boolean next(Link link) {
        lastEntry = link.entryId();
        lastKind = link.kind();
        if (link.seq() != expected && gap == null) {
            gap = new Broken(link.entryId(), unitId, expected, link.kind(), "链", "链第 " + expected + " 环缺失（链环被删除）");
        }
        expected = link.seq() + 1;
        if (link.row() == null) {
            return stop(link, "记录", "记录已从台账中删除");
        }
        ChainForm.Form form = ChainForm.of(link.kind(), unitId, link.row());
        String hash = ChainForm.hash(previous, form);
        if (!hash.equals(link.hash())) {
            if (gap != null) {
                previous = link.hash();
                return replay(link);
            }
            String digests = form.digests();
            for (int i = 0; i < form.groups().size(); i++) {
                int at = i * 8;
                if (link.groups().length() < at + 8 || !digests.regionMatches(at, link.groups(), at, 8)) {
                    return stop(link, form.groups().get(i).chinese(), "与链上记录的不符（写入后被改动）");
                }
            }
            return stop(link, "链", "链上的哈希值被改动，或此前的链环被改动");
        }
        previous = hash;
        check(link.seq(), link.entryId(), link.kind());
        return broken == null && replay(link);
    }

    private boolean replay(Link link) {
        Track track = entries.get(link.entryId());
        EntryStatus row = link.row().currentStatus();
        if (link.kind() == Kind.RECORDED) {
            if (track != null) {
                return stop(link, "状态", "同一记录在链上录入了两次");
            }
            entries.put(link.entryId(), track = new Track(link.seq(), link.row().initialStatus()));
        } else if (track == null) {
            return stop(link, "状态", "链上的审核环节之前没有这条记录的录入环节");
        } else {
            EntryStatus to = link.kind() == Kind.CHECKED ? EntryStatus.PENDING : row;
            if (!track.replayed.canMoveTo(to)) {
                return stop(link, "状态", "链上的审核顺序不合规则：" + track.replayed.label() + " → " + to.label());
            }
            track.replayed = to;
        }
        track.row = row;
        return true;
    }

    /** The first problem of the chain, after every link was read; {@code head}: the unit's head row (null when missing). */
    Broken finish(Long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        for (Map.Entry<Long, Track> e : entries.entrySet()) {
            Track track = e.getValue();
            if (track.replayed != track.row) {
                Kind kind = track.row == EntryStatus.FIRST_CHECK ? Kind.RECORDED : track.row == EntryStatus.PENDING ? Kind.CHECKED : Kind.DECIDED;
                return new Broken(e.getKey(), unitId, track.recordedSeq, kind, "状态", "台账中的状态为“" + track.row.label()
                        + "”，链上的状态为“" + track.replayed.label() + "”（状态未经审核被改动" + (gap != null ? "，或其链环被删除" : "") + "）");
            }
        }
        if (gap != null) {
            return gap;
        }
        if (headSeq == null || headSeq != expected - 1 || !previous.equals(headHash)) {
            return new Broken(lastEntry, unitId, expected - 1, lastKind, "链", "链尾与链头记录不符（链尾的链环被删除或改动）");
        }
        return null;
    }

    /** Whether a link is missing from the middle of the chain. */
    boolean gap() {
        return gap != null;
    }

    int entries() {
        return entries.size();
    }

    int headsChecked() {
        return headsChecked;
    }

    /** Whether every head kept for this chain named a link it reached. */
    Broken unreached(long lastSeq) {
        for (Map.Entry<Long, String> head : kept.entrySet()) {
            if (head.getKey() > lastSeq) {
                return new Broken(0, unitId, head.getKey(), Kind.RECORDED, "快照", "快照保存的链头第 " + head.getKey() + " 环不在链上（链被截短）");
            }
        }
        return null;
    }

    private void check(long seq, long entryId, Kind kind) {
        String claimed = kept.get(seq);
        if (claimed != null) {
            headsChecked++;
            if (!claimed.equals(previous) && broken == null) {
                broken = new Broken(entryId, unitId, seq, kind, "快照", "快照保存的链头与账本不符（此前的记录被改动）");
            }
        }
    }

    private boolean stop(Link link, String fields, String problem) {
        if (broken == null) {
            broken = new Broken(link.entryId(), unitId, link.seq(), link.kind(), fields, problem);
        }
        return false;
    }
}
