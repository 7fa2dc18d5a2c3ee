package cn.vanguard.web;

import org.springframework.context.annotation.Import;

import cn.vanguard.testing.OnH2;
import cn.vanguard.testing.SettableClock;

@OnH2
@Import(SettableClock.Config.class)
class PeriodPagesOnH2Test extends PeriodPagesContract {
}
