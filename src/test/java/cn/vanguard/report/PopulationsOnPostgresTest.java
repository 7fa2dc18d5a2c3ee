package cn.vanguard.report;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class PopulationsOnPostgresTest extends PopulationsContract {
}
