package cn.vanguard.cycle;

import org.springframework.context.annotation.Import;

import cn.vanguard.testing.OnPostgres;
import cn.vanguard.testing.SettableClock;

@OnPostgres
@Import(SettableClock.Config.class)
class ObjectionEvidenceOnPostgresTest extends ObjectionEvidenceContract {
}
