package cn.vanguard.standings.internal;

import cn.vanguard.testing.OnH2;

@OnH2
class StaleStandingsOnH2Test extends StaleStandingsContract {
}
