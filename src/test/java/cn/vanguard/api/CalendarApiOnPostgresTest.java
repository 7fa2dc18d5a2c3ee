package cn.vanguard.api;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class CalendarApiOnPostgresTest extends CalendarApiContract {
}
