package cn.vanguard.api;

import cn.vanguard.testing.OnH2;

@OnH2
class ApiErrorsOnH2Test extends ApiErrorsContract {
}
