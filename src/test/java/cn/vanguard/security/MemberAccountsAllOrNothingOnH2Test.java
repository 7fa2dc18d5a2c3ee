package cn.vanguard.security;

import cn.vanguard.testing.OnH2;

@OnH2
class MemberAccountsAllOrNothingOnH2Test extends MemberAccountsAllOrNothingContract {
}
