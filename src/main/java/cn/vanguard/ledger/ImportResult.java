package cn.vanguard.ledger;

import java.util.List;

/**
 * How an import of a ledger file ended: every entry written (待审核), or none — then either the problems by line and
 * Chinese column (at most {@link #LISTED} listed, all counted) or the reason the whole file was refused.
 */
public record ImportResult(int imported, int rowsRead, int problemCount, List<RowsInvalid.RowProblem> problems, String refusal) {

    /** Problems listed at most; a file with more says how many there are in all. */
    public static final int LISTED = 1_000;

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public static ImportResult imported(int entries, int rowsRead) {
        return new ImportResult(entries, rowsRead, 0, List.of(), null);
    }

    public static ImportResult refused(String reason, int rowsRead) {
        return new ImportResult(0, rowsRead, 0, List.of(), reason);
    }

    public boolean ok() {
        return refusal == null && problemCount == 0;
    }
}
