package cn.vanguard.ledger;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import of a ledger file as the web page follows it: what was read, found good and written so far, and how it
 * ended. It belongs to the account that uploaded the file and to the unit imported into.
 */
public record ImportJob(long id, long unitId, long accountId, String fileName, State state, int rowsRead, int rowsValid,
                        int rowsWritten, int problemCount, List<RowsInvalid.RowProblem> problems, String message,
                        OffsetDateTime createdAt, OffsetDateTime finishedAt) {

    public enum State {
        QUEUED("排队中"), CHECKING("正在检查"), WRITING("正在写入"), DONE("已导入"), FAILED("未导入");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    public ImportJob {
        problems = List.copyOf(problems);
    }

    public boolean finished() {
        return state.finished();
    }
}
