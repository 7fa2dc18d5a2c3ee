-- A stored result's detail no longer repeats what the standing row's own columns hold (scored, reason, total, rank,
-- grade, graded, stars): a member overtaken by another now gets a new rank in the narrow row alone, without their
-- detail being written again. The results stored in the old form are cleared here; the start-up check finds standings
-- without a result stale and rebuilds them before the first request (as `rebuild-standings` would).
update standing_detail set result = '' where result <> '';
