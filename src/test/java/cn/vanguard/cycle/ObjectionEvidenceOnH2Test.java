package cn.vanguard.cycle;

import org.springframework.context.annotation.Import;

import cn.vanguard.testing.OnH2;
import cn.vanguard.testing.SettableClock;

@OnH2
@Import(SettableClock.Config.class)
class ObjectionEvidenceOnH2Test extends ObjectionEvidenceContract {
}
