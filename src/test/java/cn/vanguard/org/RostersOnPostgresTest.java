package cn.vanguard.org;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class RostersOnPostgresTest extends RostersContract {
}
