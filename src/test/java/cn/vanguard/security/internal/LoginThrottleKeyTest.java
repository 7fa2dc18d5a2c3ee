package cn.vanguard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client address a sign-in failure is counted against: an IPv4 address as it is, an IPv6 address by its /64 network
 * (one subscriber's), and anything else as one shared "unknown" — never looked up in the name service.
 */
class LoginThrottleKeyTest {

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            192.168.1.20                 | 192.168.1.20
            ' 10.0.0.1 '                 | 10.0.0.1
            010.000.000.001              | 10.0.0.1
            255.255.255.255              | 255.255.255.255
            0.0.0.0                      | 0.0.0.0
            256.1.1.1                    | unknown
            1.2.3.256                    | unknown
            1.2.3                        | unknown
            2001:db8:1:2:3:4:5:6         | 2001:db8:1:2:0:0:0:0/64
            2001:db8:1:2:ffff::1         | 2001:db8:1:2:0:0:0:0/64
            [2001:db8:1:2::1]            | 2001:db8:1:2:0:0:0:0/64
            fe80::1%eth0                 | fe80:0:0:0:0:0:0:0/64
            [fe80::1%25eth0]             | fe80:0:0:0:0:0:0:0/64
            ::ffff:10.0.0.1              | 10.0.0.1
            ::1                          | 0:0:0:0:0:0:0:0/64
            :::                          | unknown
            2001:db8::g                  | unknown
            example.com                  | unknown
            localhost                    | unknown
            ''                           | unknown
            -                            | unknown
            """)
    void countsAnAddressByWhatOneClientHolds(String remoteAddress, String key) {
        assertThat(LoginThrottle.key(remoteAddress)).isEqualTo(key);
    }
}
