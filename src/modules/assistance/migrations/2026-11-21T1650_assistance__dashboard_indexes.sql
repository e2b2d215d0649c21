-- 帮扶统计 (issue 6 "Performance"): the dashboard counts a subtree's files by
-- state, tier and main cause in one pass (server/dashboard/household-breakdown.ts).
-- With only (org_path, id) that pass reads every file's heap row and sorts
-- 100,000 rows on disk (EXPLAIN on the 100,000-household bench: 1.4 s at the
-- province); with the counted columns in the index, in this order, it is an
-- index-only scan already grouped by path (≈ 0.12 s).
create index assistance_household_breakdown on assistance_household (org_path, status, filed_tier, main_cause);
