package cn.vanguard.ledger;

import cn.vanguard.testing.OnH2;

@OnH2
class TransferredEntriesOnH2Test extends TransferredEntriesContract {
}
