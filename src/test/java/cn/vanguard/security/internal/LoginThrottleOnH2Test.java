package cn.vanguard.security.internal;

import cn.vanguard.testing.OnH2;

@OnH2
class LoginThrottleOnH2Test extends LoginThrottleContract {
}
