-- The official holiday calendar the committee administrators maintain (cycle.md §3): each year's days off (HOLIDAY) and
-- make-up working days (MAKEUP_WORKDAY, 调休上班; DayKind.code()); every other Monday to Friday is a working day. A year shipped with
-- the product (2026) is loaded at start-up while it has no rows (calendar.internal.ShippedYears), not here: the
-- bundled file stays the one source of the shipped days, and the load is audited like every other change.
create table calendar_day (
    calendar_date date primary key,
    kind          varchar(20) not null,
    name          varchar(40) not null,
    updated_by    varchar(100) not null,
    updated_at    timestamp with time zone not null
);
