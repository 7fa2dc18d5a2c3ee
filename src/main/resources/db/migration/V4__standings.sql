-- Standings (the standings module): every member's stored result per cycle, kept current by events in the
-- transaction of the change. A row holds the member phase's figures (JSON, for re-running the population phase
-- without reading entries), the population phase's results, and the ledger position it reflects: how many entries
-- counted and the sum of their ids, as the ledger reports it (Ledger.positions), so that a restore or a bulk load
-- behind the application's back is noticed at start-up.
create table standing (
    cycle_year          integer not null,
    member_id           bigint not null,
    scheme_version_id   bigint not null,
    member_code         varchar(40) not null,
    member_name         varchar(100) not null,
    member_type         varchar(20) not null,
    unit_id             bigint not null,
    ranking_unit_id     bigint not null,
    ranking_unit_label  varchar(300) not null,
    scored              boolean not null,
    reason              varchar(40),
    total               numeric(14, 2),
    grade               varchar(60),
    graded              boolean not null,
    ranking             integer,
    stars               integer,
    figures             text not null,
    result              text not null,
    ledger_entries      bigint not null,
    ledger_id_sum       bigint not null,
    updated_at          timestamp with time zone not null,
    constraint standing_pk primary key (cycle_year, member_id)
);
create index standing_by_population on standing (cycle_year, scheme_version_id);
create index standing_by_unit on standing (cycle_year, unit_id);

-- One row per population (a cycle and the scheme version its members are scored under). Refreshing a population
-- locks its row first, so that two approvals in one population rank one after the other, never on each other's
-- uncommitted figures.
create table standing_population (
    cycle_year          integer not null,
    scheme_version_id   bigint not null,
    refreshed_at        timestamp with time zone not null,
    constraint standing_population_pk primary key (cycle_year, scheme_version_id)
);
