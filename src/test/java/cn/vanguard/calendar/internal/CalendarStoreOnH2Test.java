package cn.vanguard.calendar.internal;

import cn.vanguard.testing.OnH2;

@OnH2
class CalendarStoreOnH2Test extends CalendarStoreContract {
}
