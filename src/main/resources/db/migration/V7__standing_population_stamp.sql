-- A population's stamp counts its refreshes: each one raises it under the population's lock, in its transaction. A node
-- keeps a population's parsed figures in memory with the stamp they were read at and uses them only while the stamp
-- in the database is still that one, so a refresh committed by another node (or rolled back here) is never missed.
alter table standing_population add column stamp bigint not null default 0;
