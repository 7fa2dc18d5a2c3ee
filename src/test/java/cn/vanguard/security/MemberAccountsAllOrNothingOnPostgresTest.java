package cn.vanguard.security;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class MemberAccountsAllOrNothingOnPostgresTest extends MemberAccountsAllOrNothingContract {
}
