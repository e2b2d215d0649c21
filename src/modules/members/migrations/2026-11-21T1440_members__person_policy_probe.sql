-- The row-level policy on person asks, for each person row a query reads,
-- "has this person a membership in the caller's subtree?". Combined (OR) with
-- the other modules' policies on person, PostgreSQL may answer it with a
-- hashed subplan instead: read every membership of the whole subtree once,
-- then look people up in the hash. For a member list page of 51 rows in a
-- subtree of 30,000 members that was 25,000 pages read and 130 ms at
-- 10,000,000 members, and it grows with the subtree. `offset 0` keeps the
-- EXISTS from being rewritten that way (PostgreSQL does not simplify a
-- subquery with an OFFSET), so every row is one probe of the
-- (person_id, org_path) index, whatever the subtree.
alter policy person_via_membership on person
  using (exists (
    select 1 from members_membership m
    where m.person_id = person.id
      and m.org_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and m.org_path < nullif(current_setting('gonghui.scope_to', true), '')
    offset 0
  ));
