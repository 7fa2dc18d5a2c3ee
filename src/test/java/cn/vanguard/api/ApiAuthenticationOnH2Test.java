package cn.vanguard.api;

import cn.vanguard.testing.OnH2;

@OnH2
class ApiAuthenticationOnH2Test extends ApiAuthenticationContract {
}
