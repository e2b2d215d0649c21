-- A dissolved or merged union's responsibilities (责任单位) go to the receiving
-- union. A responsibility row belongs to the measure's owner (its write
-- policy reads the owner's path), and a province measure's owner lies above
-- the union that dissolves a grassroots union: under row-level security the
-- handover's UPDATE changed nothing and the heir was never asked to report.
-- This definer function does exactly the handover and nothing else: both
-- unions must lie in the caller's subtree (the dissolving union's scope, as
-- the org change checked), and where the heir is responsible already, the
-- gone union's row is dropped. Answers how many rows the heir took over.
create function plans_hand_over_responsibility(gone_id integer, heir_id integer)
returns integer
language plpgsql security definer set search_path = public as $$
declare
  scope_from text := nullif(current_setting('gonghui.scope_from', true), '');
  scope_to text := nullif(current_setting('gonghui.scope_to', true), '');
  taken integer;
begin
  if not exists (select 1 from org_unit where id = gone_id and path >= scope_from and path < scope_to)
    or not exists (select 1 from org_unit where id = heir_id and path >= scope_from and path < scope_to) then
    raise exception 'plans_hand_over_responsibility: both unions must lie in the caller''s subtree';
  end if;
  delete from plans_measure_unit gone
  where gone.org_unit_id = gone_id
    and exists (select 1 from plans_measure_unit heir where heir.measure_id = gone.measure_id and heir.org_unit_id = heir_id);
  update plans_measure_unit set org_unit_id = heir_id where org_unit_id = gone_id;
  get diagnostics taken = row_count;
  return taken;
end
$$;
revoke all on function plans_hand_over_responsibility(integer, integer) from public;
grant execute on function plans_hand_over_responsibility(integer, integer) to gonghui_app;
