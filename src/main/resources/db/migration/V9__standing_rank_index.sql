-- The ranking's default order (scored first, by rank, then code) read from an index that also holds what the page's
-- first step filters by and keeps (unit, member): a committee's page 1 reads 50 index entries and its last page
-- 100,000, without visiting the table, instead of sorting 100,000 rows on every request.
create index standing_by_rank on standing (cycle_year, scored desc, ranking, member_code, unit_id, member_id);
