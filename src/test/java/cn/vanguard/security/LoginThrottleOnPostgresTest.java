package cn.vanguard.security;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class LoginThrottleOnPostgresTest extends LoginThrottleContract {
}
