package cn.vanguard.cli;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class ImportLedgerCommandOnPostgresTest extends ImportLedgerCommandContract {
}
