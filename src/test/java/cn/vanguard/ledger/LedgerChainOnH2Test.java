package cn.vanguard.ledger;

import cn.vanguard.testing.OnH2;

@OnH2
class LedgerChainOnH2Test extends LedgerChainContract {
}
