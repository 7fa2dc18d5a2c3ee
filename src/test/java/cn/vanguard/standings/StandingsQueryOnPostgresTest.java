package cn.vanguard.standings;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class StandingsQueryOnPostgresTest extends StandingsQueryContract {
}
