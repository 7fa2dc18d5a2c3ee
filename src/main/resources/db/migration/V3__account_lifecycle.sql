-- A sign-in session remembers the account's session epoch at sign-in; disabling the account, resetting its password
-- or the owner changing it moves the epoch on, which ends every older session on every node (SessionCheck).
alter table account add column session_epoch integer not null default 0;
-- Sessions signed in before this version hold a principal of the old form (with the password hash, without an epoch):
-- they end with the upgrade, and everybody signs in once more.
delete from spring_session;

-- Sign-in attempts per client address in a fixed window, so that guesses spread over many accounts are limited too.
-- A row lives for one window (LoginThrottle purges older rows), so the table holds only recently active addresses.
create table login_address (
    address       varchar(64) not null,
    attempts      integer not null,
    window_start  timestamp with time zone not null,
    constraint login_address_pk primary key (address)
);
create index login_address_window on login_address (window_start);
