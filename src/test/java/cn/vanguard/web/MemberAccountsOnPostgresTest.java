package cn.vanguard.web;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class MemberAccountsOnPostgresTest extends MemberAccountsContract {
}
