-- The entries waiting for review found without reading the ledger: the review queue and the menu's badge count a
-- branch's 待审核 entries on every page, and with ten million entries the count read them all through the unit index
-- (15 ms a page, twice). Building it over ten million rows takes about 7 s.
create index ledger_entry_by_status on ledger_entry (status, member_id);
