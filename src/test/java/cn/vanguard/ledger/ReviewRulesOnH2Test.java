package cn.vanguard.ledger;

import cn.vanguard.testing.OnH2;

@OnH2
class ReviewRulesOnH2Test extends ReviewRulesContract {
}
