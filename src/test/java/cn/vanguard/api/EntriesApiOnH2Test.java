package cn.vanguard.api;

import cn.vanguard.testing.OnH2;

@OnH2
class EntriesApiOnH2Test extends EntriesApiContract {
}
