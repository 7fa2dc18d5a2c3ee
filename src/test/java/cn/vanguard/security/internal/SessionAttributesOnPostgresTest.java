package cn.vanguard.security.internal;

import cn.vanguard.testing.OnPostgres;

@OnPostgres
class SessionAttributesOnPostgresTest extends SessionAttributesContract {
}
