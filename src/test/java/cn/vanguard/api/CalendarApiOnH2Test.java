package cn.vanguard.api;

import cn.vanguard.testing.OnH2;

@OnH2
class CalendarApiOnH2Test extends CalendarApiContract {
}
