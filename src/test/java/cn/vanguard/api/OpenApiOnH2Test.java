package cn.vanguard.api;

import cn.vanguard.testing.OnH2;

@OnH2
class OpenApiOnH2Test extends OpenApiContract {
}
