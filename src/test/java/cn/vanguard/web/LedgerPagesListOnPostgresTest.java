package cn.vanguard.web;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class LedgerPagesListOnPostgresTest extends LedgerPagesListContract {
}
