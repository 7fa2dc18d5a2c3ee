package cn.vanguard.ledger;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class LedgerImportOnPostgresTest extends LedgerImportContract {
}
