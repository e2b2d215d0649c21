-- As members migration 1440 does for memberships: OR-ed with the other
-- policies on person, this EXISTS may be answered by reading every household
-- of the caller's subtree into a hash (at 100,000 households, for every list
-- page that joins person). `offset 0` keeps it a probe per person row.
alter policy person_via_assistance_household on person
  using (exists (
    select 1 from assistance_household h
    where h.person_id = person.id
      and h.org_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and h.org_path < nullif(current_setting('gonghui.scope_to', true), '')
    offset 0
  ));
