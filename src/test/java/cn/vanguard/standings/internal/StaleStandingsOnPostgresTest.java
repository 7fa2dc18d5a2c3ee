package cn.vanguard.standings.internal;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class StaleStandingsOnPostgresTest extends StaleStandingsContract {
}
