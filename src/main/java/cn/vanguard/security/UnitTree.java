package cn.vanguard.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation tree and its members as scope checks need them; implemented by the organisation module, so that
 * security depends on nothing but this interface and reads none of the organisation's tables.
 */
public interface UnitTree {

    /** Whether {@code unitId} is {@code ancestorId} or lies in its subtree. */
    boolean within(long unitId, long ancestorId);

    /** The ids of a unit and all units below it. */
    List<Long> subtree(long unitId);

    /** The unit's name, for messages. */
    String name(long unitId);

    /** The unit a member belongs to now; empty when there is no such member. */
    Optional<Long> memberUnit(long memberId);

    /** The units the members given belong to now, by member id (members that do not exist are left out). */
    Map<Long, Long> memberUnits(Collection<Long> memberIds);
}
