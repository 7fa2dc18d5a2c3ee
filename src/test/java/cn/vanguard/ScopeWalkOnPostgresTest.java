package cn.vanguard;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class ScopeWalkOnPostgresTest extends ScopeWalkContract {
}
