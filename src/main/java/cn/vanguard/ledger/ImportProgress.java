package cn.vanguard.ledger;

/**
 * What an import of a ledger file has done so far, told as it streams: rows read from the file, rows checked and found
 * good, entries written. The web page and the command line show it; the counts only grow.
 */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    default void read(int rows) {
    }

    default void checked(int goodRows) {
    }

    default void written(int entries) {
    }
}
