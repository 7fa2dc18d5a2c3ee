package cn.vanguard;

import cn.vanguard.testing.OnH2;

@OnH2
class ScopeWalkOnH2Test extends ScopeWalkContract {
}
