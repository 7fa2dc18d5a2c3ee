package cn.vanguard.security;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class GuardOnPostgresTest extends GuardContract {
}
