package cn.vanguard.org;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class MemberSearchOnPostgresTest extends MemberSearchContract {
}
