-- The ranking's default order (scored first, by rank, then code) read from an index: a committee's page 1 reads 50
-- index entries, page 800 forty thousand, instead of sorting 100,000 rows on every request.
create index standing_by_rank on standing (cycle_year, scored desc, ranking, member_code);
