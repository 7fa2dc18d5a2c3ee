package cn.vanguard.org;

import cn.vanguard.testing.OnH2;

@OnH2
class MemberSearchOnH2Test extends MemberSearchContract {
}
