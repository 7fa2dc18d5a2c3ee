package cn.vanguard.standings;

import cn.vanguard.testing.OnH2;

@OnH2
class StandingsQueryOnH2Test extends StandingsQueryContract {
}
