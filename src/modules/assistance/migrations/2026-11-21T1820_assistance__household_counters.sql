-- 帮扶统计 counts households per union subtree, by state, and for filed files by
-- tier and main cause (server/dashboard/household-breakdown.ts). Grouping the
-- province's 100,000 files on every request took about 100 of the dashboard's
-- 200 ms budget (bench/assistance.bench.ts), so the counts are maintained, as
-- members_stat is for members: each file counts at every union on its path, so
-- a subtree's figures are a handful of rows at its root and its children.
--
-- A row is (union, state, tier, cause) with the tier and cause of filed files
-- only ('' otherwise), the keys the breakdown groups by. Aggregates without
-- personal data: no row-level security (as members_stat); the dashboard reads
-- only unions it has checked are in the caller's subtree.
create table assistance_household_stat (
  org_unit_id integer not null references org_unit (id),
  status text not null,
  tier text not null,
  cause text not null,
  count integer not null,
  primary key (org_unit_id, status, tier, cause)
);

-- Adds `delta` to the counters of every union on `path` for one file's key.
-- Definer: a caller moves files it may see, but the counters of the unions
-- above it are outside its scope.
create function assistance_household_count(path text, status text, filed_tier text, main_cause text, delta integer)
returns void
language sql security definer set search_path = public as $$
  insert into assistance_household_stat (org_unit_id, status, tier, cause, count)
  select ancestor::integer, status,
         case when status = 'filed' then coalesce(filed_tier, '') else '' end,
         case when status = 'filed' then main_cause else '' end,
         delta
  from unnest(string_to_array(rtrim(path, '.'), '.')) as ancestor
  -- Ancestors in path order: concurrent changes lock the counters in the same order (no deadlock).
  order by 1
  on conflict (org_unit_id, status, tier, cause) do update set count = assistance_household_stat.count + excluded.count
$$;

create function assistance_household_follow_counts() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform assistance_household_count(old.org_path, old.status, old.filed_tier, old.main_cause, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform assistance_household_count(new.org_path, new.status, new.filed_tier, new.main_cause, 1);
  end if;
  return null;
end
$$;

create trigger assistance_household_counts_insert_delete after insert or delete on assistance_household
  for each row execute function assistance_household_follow_counts();
create trigger assistance_household_counts_update after update of org_path, status, filed_tier, main_cause on assistance_household
  for each row
  when (old.org_path is distinct from new.org_path or old.status is distinct from new.status
    or old.filed_tier is distinct from new.filed_tier or old.main_cause is distinct from new.main_cause)
  execute function assistance_household_follow_counts();

-- The files already there.
insert into assistance_household_stat (org_unit_id, status, tier, cause, count)
select ancestor::integer, status, tier, cause, sum(n)::integer
from (
  select org_path, status,
         case when status = 'filed' then coalesce(filed_tier, '') else '' end as tier,
         case when status = 'filed' then main_cause else '' end as cause,
         count(*) as n
  from assistance_household
  group by 1, 2, 3, 4
) as own
cross join lateral unnest(string_to_array(rtrim(org_path, '.'), '.')) as ancestor
group by 1, 2, 3, 4;

revoke all on function assistance_household_count(text, text, text, text, integer) from public;
revoke all on function assistance_household_follow_counts() from public;
revoke insert, update, delete on assistance_household_stat from gonghui_app;
