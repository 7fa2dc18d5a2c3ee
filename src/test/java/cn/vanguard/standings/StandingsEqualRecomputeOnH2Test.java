package cn.vanguard.standings;

import cn.vanguard.testing.OnH2;

@OnH2
class StandingsEqualRecomputeOnH2Test extends StandingsEqualRecomputeContract {
}
