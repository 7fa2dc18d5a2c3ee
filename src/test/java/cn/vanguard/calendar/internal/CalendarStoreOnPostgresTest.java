package cn.vanguard.calendar.internal;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class CalendarStoreOnPostgresTest extends CalendarStoreContract {
}
