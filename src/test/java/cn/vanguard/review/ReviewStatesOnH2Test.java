package cn.vanguard.review;

import cn.vanguard.testing.OnH2;

@OnH2
class ReviewStatesOnH2Test extends ReviewStatesContract {
}
