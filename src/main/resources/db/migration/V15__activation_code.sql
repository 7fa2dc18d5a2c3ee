-- One-time activation codes of member accounts (issue 10): a member sets their own password with the code printed on
-- their slip. Only a SHA-256 hash of the code is kept; a code expires, and is used once (used_at). One code per
-- account: issuing a new one replaces the row.
create table activation_code (
    account_id  bigint not null references account (id),
    code_hash   varchar(64) not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    issued_by   bigint references account (id),
    used_at     timestamp with time zone,
    constraint activation_code_pk primary key (account_id)
);
