-- Copied paths follow the org tree (issue 5). The plans org listener
-- (server/org-changes/) rewrites every copied path when a union moves, as the
-- caller who moves it (gonghui_app, the caller's subtree). Where a table
-- allowed that caller no UPDATE, the statement changed 0 rows without an
-- error, and the moved union lost sight of its rows (row-level security reads
-- the copies). Two shapes of the gap, two shapes of the fix:
--
-- 1. Tables with no UPDATE policy at all (the automatic reminders, the
--    adjustment log, the published results): an UPDATE policy within the
--    caller's scope, and an UPDATE privilege on the path columns only, so the
--    records themselves stay as written (the log append-only, the snapshot
--    frozen) — as migration 1710 did for plans_supervision_action.
--
-- 2. Tables whose write policy belongs to the issuing side (assessed unions,
--    score entries, allocations): a union moved by a union below its issuer
--    (the province assesses a grassroots union, the city moves it) was out of
--    the mover's reach. The receiving side may now repair a stale copy: only
--    a row whose path no longer equals its union's path in org_unit, and only
--    to that path. Outside a move's own transaction no row is stale, so this
--    grants nothing the rest of the time (never a score, never an allocation).

-- ---- 1. Path columns only, within the caller's scope ------------------------

create policy plans_auto_reminder_follow_org on plans_auto_reminder for update
  using (
    org_path >= nullif(current_setting('gonghui.scope_from', true), '')
    and org_path < nullif(current_setting('gonghui.scope_to', true), '')
  )
  with check (
    org_path >= nullif(current_setting('gonghui.scope_from', true), '')
    and org_path < nullif(current_setting('gonghui.scope_to', true), '')
  );
revoke update on plans_auto_reminder from gonghui_app;
grant update (org_path) on plans_auto_reminder to gonghui_app;

create policy plans_assessment_adjustment_follow_org on plans_assessment_adjustment for update
  using (
    (issuer_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and issuer_path < nullif(current_setting('gonghui.scope_to', true), ''))
    or (org_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and org_path < nullif(current_setting('gonghui.scope_to', true), ''))
  )
  with check (
    (issuer_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and issuer_path < nullif(current_setting('gonghui.scope_to', true), ''))
    or (org_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and org_path < nullif(current_setting('gonghui.scope_to', true), ''))
  );
revoke update on plans_assessment_adjustment from gonghui_app;
grant update (org_path, issuer_path) on plans_assessment_adjustment to gonghui_app;

create policy plans_assessment_result_follow_org on plans_assessment_result for update
  using (
    (issuer_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and issuer_path < nullif(current_setting('gonghui.scope_to', true), ''))
    or (org_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and org_path < nullif(current_setting('gonghui.scope_to', true), ''))
  )
  with check (
    (issuer_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and issuer_path < nullif(current_setting('gonghui.scope_to', true), ''))
    or (org_path >= nullif(current_setting('gonghui.scope_from', true), '')
      and org_path < nullif(current_setting('gonghui.scope_to', true), ''))
  );
revoke update on plans_assessment_result from gonghui_app;
grant update (org_path, issuer_path) on plans_assessment_result to gonghui_app;

-- ---- 2. The receiving side repairs a stale copy ------------------------------

-- The application never updates an assessed-union row (a scheme's list is
-- replaced by delete and insert); only the copied paths may change.
create policy plans_assessment_unit_follow_org on plans_assessment_unit for update
  using (
    org_path >= nullif(current_setting('gonghui.scope_from', true), '')
    and org_path < nullif(current_setting('gonghui.scope_to', true), '')
    and org_path is distinct from (select o.path from org_unit o where o.id = plans_assessment_unit.org_unit_id)
  )
  with check (
    org_path = (select o.path from org_unit o where o.id = plans_assessment_unit.org_unit_id)
  );
revoke update on plans_assessment_unit from gonghui_app;
grant update (org_path, issuer_path) on plans_assessment_unit to gonghui_app;

-- Entries keep the issuing side's UPDATE (a score is re-entered in place).
create policy plans_assessment_entry_follow_org on plans_assessment_entry for update
  using (
    org_path >= nullif(current_setting('gonghui.scope_from', true), '')
    and org_path < nullif(current_setting('gonghui.scope_to', true), '')
    and org_path is distinct from (select o.path from org_unit o where o.id = plans_assessment_entry.org_unit_id)
  )
  with check (
    org_path = (select o.path from org_unit o where o.id = plans_assessment_entry.org_unit_id)
  );

-- Allocations: the receiving union's copy (to_path) follows it when the
-- allocating union lies above the mover.
create policy plans_allocation_follow_org on plans_allocation for update
  using (
    to_path >= nullif(current_setting('gonghui.scope_from', true), '')
    and to_path < nullif(current_setting('gonghui.scope_to', true), '')
    and to_path is distinct from (select o.path from org_unit o where o.id = plans_allocation.to_org_unit_id)
  )
  with check (
    to_path = (select o.path from org_unit o where o.id = plans_allocation.to_org_unit_id)
  );
