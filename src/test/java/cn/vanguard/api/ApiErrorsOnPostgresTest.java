package cn.vanguard.api;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class ApiErrorsOnPostgresTest extends ApiErrorsContract {
}
