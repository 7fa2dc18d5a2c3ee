package cn.vanguard.web;

import cn.vanguard.testing.OnH2;

@OnH2
class HomePagesOnH2Test extends HomePagesContract {
}
