package cn.vanguard.api;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class ApiAuthenticationOnPostgresTest extends ApiAuthenticationContract {
}
