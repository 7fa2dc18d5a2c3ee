package cn.vanguard.audit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Client addresses as a secretary reads them: the IPv6 loopback is {@code 127.0.0.1} and an IPv4-mapped IPv6 address
 * ({@code ::ffff:1.2.3.4}) its IPv4 address; any other address is kept as it is.
 */
public final class Addresses {

    private static final Pattern LOOPBACK = Pattern.compile("(0{1,4}:){7}0{0,3}1|::1");
    private static final Pattern MAPPED = Pattern.compile("(?:(?:0{1,4}:){5}|::)ffff:(\\d{1,3}(?:\\.\\d{1,3}){3})");

    private Addresses() {
    }

    public static String readable(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone > 0) {
            a = a.substring(0, zone);
        }
        if (LOOPBACK.matcher(a).matches()) {
            return "127.0.0.1";
        }
        var mapped = MAPPED.matcher(a);
        if (mapped.matches()) {
            return mapped.group(1);
        }
        return address.strip();
    }
}
