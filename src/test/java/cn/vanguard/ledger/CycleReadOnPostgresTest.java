package cn.vanguard.ledger;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class CycleReadOnPostgresTest extends CycleReadContract {
}
