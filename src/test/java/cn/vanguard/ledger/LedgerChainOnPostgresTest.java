package cn.vanguard.ledger;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class LedgerChainOnPostgresTest extends LedgerChainContract {
}
