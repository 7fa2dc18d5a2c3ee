package cn.vanguard.web;

import java.util.List;

import cn.vanguard.testing.OnPostgres;

/** The same walk on PostgreSQL with the payloads whose storage depends on the database; the markup runs on H2. */
@OnPostgres
class HostileTextOnPostgresTest extends HostileTextContract {

    @Override
    List<String> payloads() {
        return HostileText.DATABASE;
    }
}
