package cn.vanguard.web;

import java.util.List;

import cn.vanguard.testing.OnPostgres;

/** The same walk on PostgreSQL with the payloads whose handling depends on the database; the markup runs on H2. */
@OnPostgres
class HostileFilterOnPostgresTest extends HostileFilterContract {

    @Override
    List<String> payloads() {
        return DATABASE_PAYLOADS;
    }
}
