-- The ledger list's queries (EntryRows: count, page of ids) at 2,000,000 entries of 20,000 members in 100 branches,
-- in a schema of their own (lp_scale, dropped at the end): psql -h 127.0.0.1 -U postgres -d test -f bench/ledger-list-scale.sql
-- The tables hold only the columns the queries read besides the entry's own; indexes as V1, V10 and V16 make them.
drop schema if exists lp_scale cascade;
create schema lp_scale;
set search_path = lp_scale;
create table org_unit (id bigint primary key, parent_id bigint, name varchar(100) not null, kind varchar(20) not null, path varchar(1000) not null);
create index org_unit_path on org_unit (path);
insert into org_unit values (1, null, '党委', 'COMMITTEE', '/1/');
insert into org_unit select 1 + b, 1, '第' || b || '党支部', 'BRANCH', '/1/' || (1 + b) || '/' from generate_series(1, 100) b;
insert into org_unit select 1000 + b * 10 + g, 1 + b, '第' || g || '党小组', 'GROUP', '/1/' || (1 + b) || '/' || (1000 + b * 10 + g) || '/'
  from generate_series(1, 100) b, generate_series(1, 2) g;
create table member (id bigint primary key, code varchar(40) not null unique, name varchar(50) not null, unit_id bigint not null);
create index member_unit on member (unit_id);
insert into member select i, 'M' || lpad(i::text, 6, '0'), (array['王','李','张','刘','陈','杨','赵','黄'])[1 + i % 8] || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[1 + (i / 8) % 10] || (i % 97),
  1000 + (1 + (i - 1) / 200) * 10 + 1 + i % 2 from generate_series(1, 20000) i;
create table ledger_entry (id bigint primary key, member_id bigint not null, unit_id bigint not null, scheme_version_id bigint not null,
  item_code varchar(60) not null, entry_date date not null, quantity numeric(14,4) not null, points numeric(14,4), occurrence varchar(100),
  note varchar(500), witnesses varchar(100), source varchar(20) not null, status varchar(20) not null, reverses_id bigint,
  recorded_by bigint not null, recorded_at timestamptz not null, checked_by bigint, checked_at timestamptz, decided_by bigint,
  decided_at timestamptz, reject_reason varchar(200), version integer not null default 0);
insert into ledger_entry select i, 1 + i % 20000, 0, 1, (array['ACT_MEETING','ACT_STUDY','PRC_VOLUNTEER','DED_ABSENT'])[1 + i % 4],
  date '2026-01-01' + ((i / 20000) * 3 + i % 3) % 334, 1, null, null, '记录' || i, null, 'SCORER',
  case when i % 50 = 0 then 'PENDING' when i % 97 = 0 then 'REJECTED' else 'APPROVED' end, null, 1, now(), null, null, 1, now(), null, 0
  from generate_series(1, 2000000) i;
create index ledger_entry_member on ledger_entry (member_id, entry_date);
create index ledger_entry_unit_status on ledger_entry (unit_id, status);
create index ledger_entry_reverses on ledger_entry (reverses_id);
create index ledger_entry_by_status on ledger_entry (status, member_id);
create table attachment (id bigint primary key, entry_id bigint not null);
create index attachment_entry on attachment (entry_id);
create index ledger_entry_by_date on ledger_entry (entry_date, id);
vacuum analyze;
\timing on
-- the committee (a system administrator: no scope condition): page 1 with its row details, the capped count, page 2,000
explain (analyze, buffers off, costs off, summary on) select e.*, m.unit_id, m.code, m.name, u.name,
 (select count(*) from attachment a where a.entry_id = e.id),
 (select max(r.id) from ledger_entry r where r.reverses_id = e.id and r.status <> 'REJECTED'),
 (select count(*) from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')
from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id
where 1 = 1 order by e.entry_date desc, e.id desc limit 50 offset 0;
explain (analyze, costs off, summary on) select count(*) from (select 1 as one from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id where 1 = 1 limit 100001) c;
-- the committee administrator's count (its scope: every unit)
explain (analyze, costs off, summary on) select count(*) from (select 1 as one from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id where 1 = 1 and (m.unit_id in (select id from org_unit)) limit 100001) c;
-- the committee's page 2,000
explain (analyze, costs off, summary on) select e.id from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id where 1 = 1 order by e.entry_date desc, e.id desc limit 50 offset 99950;
-- a branch's last page, its first page of one item oldest first, a search's 28 members' first page
explain (analyze, costs off, summary on) select e.id from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id where (m.unit_id in (2, 1011, 1012)) order by e.entry_date desc, e.id desc limit 50 offset 19950;
explain (analyze, costs off, summary on) select e.id from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id where (m.unit_id in (2, 1011, 1012)) and e.item_code = 'ACT_STUDY' order by e.entry_date asc, e.id asc limit 50 offset 0;
explain (analyze, costs off, summary on) select e.id from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id where e.member_id in (1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28) order by e.entry_date desc, e.id desc limit 50 offset 0;
-- one branch and its two groups (200 members, 20,000 entries): the count, page 1
explain (analyze, costs off, summary on) select count(*) from (select 1 as one from ledger_entry e join member m on m.id = e.member_id
  join org_unit u on u.id = m.unit_id where (m.unit_id in (2, 1011, 1012)) limit 100001) c;
explain (analyze, costs off, summary on) select e.id from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id
  where (m.unit_id in (2, 1011, 1012)) order by e.entry_date desc, e.id desc limit 50 offset 0;
-- the search's member ids
explain (analyze, costs off, summary on) select m.id from member m where (m.name like '%王伟1%' or m.code like '%王伟1%') order by m.code limit 1001;
drop schema lp_scale cascade;
