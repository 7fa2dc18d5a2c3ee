package cn.vanguard.report;

import cn.vanguard.testing.OnH2;

@OnH2
class PopulationsOnH2Test extends PopulationsContract {
}
