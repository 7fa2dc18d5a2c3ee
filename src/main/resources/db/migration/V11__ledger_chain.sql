-- Tamper evidence (cycle.md §6): every entry and every decision on it is a link of its unit's hash chain, in the order
-- it happened: hash = SHA-256(previous hash ‖ canonical form of the row), docs/tamper-evidence.md. Append-only: nothing
-- in the application updates or deletes a link. groups holds 8 hex digits of SHA-256 of each field group of the
-- canonical form, in its fixed order, so that a check names the group of fields that no longer matches.
-- No foreign keys: a link names its unit and entry, and the check, not the database, says when either is gone; a key
-- would cost an import of a million rows a lookup per link.
create table ledger_chain (
    unit_id   bigint not null,
    seq       bigint not null,
    entry_id  bigint not null,
    kind      varchar(10) not null,
    hash      varchar(64) not null,
    groups    varchar(64) not null,
    constraint ledger_chain_pk primary key (unit_id, seq)
);
-- the chain an entry's review links go to is the one of its RECORDED link (the unit it was recorded in)
create index ledger_chain_entry on ledger_chain (entry_id);

-- The head of each unit's chain: the row locked FOR UPDATE while a link is appended, so that the links of a unit take
-- one order however many decisions are taken at once.
create table ledger_chain_head (
    unit_id  bigint not null primary key references org_unit (id),
    seq      bigint not null,
    hash     varchar(64) not null
);
