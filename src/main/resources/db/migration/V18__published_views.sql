-- The organisation's published views: what other modules' queries may read of members and units — a member's unit now,
-- a unit's name and place in the tree — so that no other module's SQL names the member or org_unit tables, and the
-- organisation may change those tables as long as it keeps these two (docs/architecture.md; TableOwnershipTest lets
-- other modules read them, never write them). Plain views: PostgreSQL plans them as the join they stand for.
create view member_place as
    select m.id as member_id, m.code as member_code, m.name as member_name, m.unit_id as unit_id, u.name as unit_name,
           u.path as unit_path
    from member m join org_unit u on u.id = m.unit_id;

create view unit_place as
    select u.id as unit_id, u.name as unit_name, u.path as unit_path
    from org_unit u;
