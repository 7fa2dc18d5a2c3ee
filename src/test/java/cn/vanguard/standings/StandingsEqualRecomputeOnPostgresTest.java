package cn.vanguard.standings;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class StandingsEqualRecomputeOnPostgresTest extends StandingsEqualRecomputeContract {
}
