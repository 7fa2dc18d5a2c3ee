package cn.vanguard.security;

import java.util.List;

/**
 * The organisation tree as scope checks need it; implemented by the organisation module, so that security depends
 * on nothing but this interface.
 */
public interface UnitTree {

    /** Whether {@code unitId} is {@code ancestorId} or lies in its subtree. */
    boolean within(long unitId, long ancestorId);

    /** The ids of a unit and all units below it. */
    List<Long> subtree(long unitId);

    /** The unit's name, for messages. */
    String name(long unitId);
}
