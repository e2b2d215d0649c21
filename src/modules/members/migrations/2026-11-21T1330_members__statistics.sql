-- Maintained statistics (no live counts over millions of rows): for every org
-- unit, counters over its whole subtree, keyed by what they count:
--   members                         current members (active, retained, transferring)
--   status:<status>                 current members by status
--   form:<employment_form>          current members by 就业形态 ('form:' when unknown)
--   gig                             current members in a 新就业形态 group
--   gender:<male|female>            current members by gender
--   born:<yyyy>                     current members by birth year (age bands are computed at read time)
--   joined:<yyyy>                   current members by 入会日期 year (new members this year)
--   in:<yyyy-mm> / out:<yyyy-mm>    memberships started / ended in a month (the trend line)
-- Every membership write applies its delta to the unit and all its ancestors
-- in the same transaction (members-stats.ts); `gonghui members stats rebuild`
-- recomputes the table and reports any drift.
create table members_stat (
  org_unit_id integer not null references org_unit (id),
  key text collate "C" not null,
  value integer not null,
  primary key (org_unit_id, key)
);
