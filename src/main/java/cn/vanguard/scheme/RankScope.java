package cn.vanguard.scheme;

/** Who is ranked (and rated for stars) together. */
public enum RankScope {
    /** each unit on its own (the branch, the default). */
    UNIT,
    /** everybody scored together (the committee; on the command line, the whole file). */
    ALL
}
