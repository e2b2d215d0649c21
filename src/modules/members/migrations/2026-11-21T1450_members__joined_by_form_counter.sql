-- A new maintained counter (stat-keys.ts, rebuild-stats.ts):
--   joined_form:<yyyy>:<employment_form>   current members by 入会日期 year and 就业形态
-- so that "members who joined in 2023 by employment form" (the metric
-- members.joined with an employment form, issue 5) is one primary-key read.
-- Existing memberships get their counters here, for every unit and ancestor;
-- from now on the membership writes maintain them with the other keys.
insert into members_stat (org_unit_id, key, value)
select ancestor.id::int, own.key, sum(own.value)::int
from (
  select m.org_unit_id, 'joined_form:' || to_char(m.joined_on, 'YYYY') || ':' || coalesce(p.employment_form, '') as key, count(*)::int as value
  from members_membership m
  join person p on p.id = m.person_id
  where m.status in ('active', 'retained', 'transferring') and m.joined_on is not null
  group by 1, 2
) own
join org_unit o on o.id = own.org_unit_id
cross join lateral unnest(string_to_array(rtrim(o.path, '.'), '.')::int[]) as ancestor(id)
group by ancestor.id, own.key
on conflict (org_unit_id, key) do update set value = excluded.value;
