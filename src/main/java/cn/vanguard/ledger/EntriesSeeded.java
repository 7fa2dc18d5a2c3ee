package cn.vanguard.ledger;

import java.util.Set;

/** Trusted setup code (the demo organisation) wrote entries of these members straight into their states. */
public record EntriesSeeded(Set<Long> memberIds) {
    public EntriesSeeded {
        memberIds = Set.copyOf(memberIds);
    }
}
