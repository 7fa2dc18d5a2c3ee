-- A standing's figures and full result (JSON text, about 700 bytes a member) move to a table of their own: the
-- standing row keeps what pages sort, filter and summarise by, so that a committee's 100,000 rows are scanned and
-- sorted in a few megabytes rather than a hundred (the ranking page sorted whole rows, spilling to disk). A detail row
-- is read only for the members a page shows and for re-ranking a population.
create table standing_detail (
    cycle_year          integer not null,
    member_id           bigint not null,
    figures             text not null,
    result              text not null,
    constraint standing_detail_pk primary key (cycle_year, member_id)
);
insert into standing_detail (cycle_year, member_id, figures, result) select cycle_year, member_id, figures, result from standing;
alter table standing drop column figures;
alter table standing drop column result;
