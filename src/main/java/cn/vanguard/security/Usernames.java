package cn.vanguard.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.vanguard.Invalid;
import cn.vanguard.security.MemberDirectory.Person;

/**
 * The username of a member's account: the member code (编号) in lower case — unique, printed on the roster and known to
 * the member, and made only of characters a username allows. A code shorter than three characters is prefixed
 * {@code dy-} (党员). When another account holds that name (in any case), the member's id is added ({@code m00012-345});
 * when that is taken too, nothing is made and the message names the member, so the batch can be retried after the
 * clash is resolved.
 */
final class Usernames {

    private Usernames() {
    }

    static List<String> candidates(Person person) {
        String base = person.code().toLowerCase(Locale.ROOT);
        if (base.length() < 3) {
            base = "dy-" + base;
        }
        return List.of(base, base + "-" + person.id());
    }

    /** A username for each member, by member id; {@code taken} holds the names in use (lower case) and grows. */
    static Map<Long, String> assign(List<Person> people, Set<String> taken) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Person person : people) {
            String chosen = candidates(person).stream().filter(c -> !taken.contains(c)).findFirst().orElseThrow(() -> Invalid.of("members",
                    "党员 " + person.name() + "（编号 " + person.code() + "）的用户名 " + candidates(person).get(0) + " 和 "
                            + candidates(person).get(1) + " 都已被其他账号使用，本次没有开通任何账号；请在“账号”中为该党员手工创建账号后重试"));
            taken.add(chosen);
            names.put(person.id(), chosen);
        }
        return names;
    }
}
