-- The ledger list (积分台账) reads a page of 50 entries by date, newest or oldest first (docs/web.md): with this index a
-- wide scope's page walks the entries in that order and stops after its page instead of sorting the whole scope.
-- A search by member reads ledger_entry_member (member_id, entry_date), a filter by status ledger_entry_by_status.
create index ledger_entry_by_date on ledger_entry (entry_date, id);
