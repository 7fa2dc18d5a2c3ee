package cn.vanguard.web;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class HomePagesOnPostgresTest extends HomePagesContract {
}
