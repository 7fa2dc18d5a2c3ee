package cn.vanguard.api;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class SchemesApiOnPostgresTest extends SchemesApiContract {
}
