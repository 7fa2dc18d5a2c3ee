-- The channel of each audit line (issue 10): PAGE (a signed-in browser session), API (a bearer token, whose name is
-- kept in channel_name), IMPORT (a roster or ledger file) or SYSTEM (start-up, the window clock, the command line).
-- Lines written before have neither and read as unknown.
alter table audit_log add column channel varchar(10);
alter table audit_log add column channel_name varchar(60);
create index audit_log_account on audit_log (account_id);
