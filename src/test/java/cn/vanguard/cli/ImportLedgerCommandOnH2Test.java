package cn.vanguard.cli;

import cn.vanguard.testing.OnH2;

@OnH2
class ImportLedgerCommandOnH2Test extends ImportLedgerCommandContract {
}
