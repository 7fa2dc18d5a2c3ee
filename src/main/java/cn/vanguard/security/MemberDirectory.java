package cn.vanguard.security;

import java.util.Collection;
import java.util.List;

/**
 * The members that member accounts are made for, as the security module needs them; implemented by the organisation
 * module, so that security reads none of its tables (the same arrangement as {@link UnitTree}).
 */
public interface MemberDirectory {

    /** A member as an account slip names them: code, name, unit and the names of the units from the top down. */
    record Person(long id, String code, String name, long unitId, String unitPath) {
    }

    /** The members given (those that do not exist are left out), by unit path and code. */
    List<Person> people(Collection<Long> memberIds);

    /** The members of a unit and its subtree who are on its roster (not transferred out), by unit path and code. */
    List<Person> peopleIn(long unitId);
}
