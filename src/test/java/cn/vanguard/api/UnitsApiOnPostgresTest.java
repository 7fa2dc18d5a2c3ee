package cn.vanguard.api;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class UnitsApiOnPostgresTest extends UnitsApiContract {
}
