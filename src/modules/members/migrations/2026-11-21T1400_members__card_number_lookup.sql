-- A card number (会员证号) belongs to one current membership province-wide.
-- Before an import writes card numbers from a file, it must learn which are
-- already taken, also outside the importing union's subtree; this tells only
-- that (and which union holds each), for a batch of numbers.
create function members_taken_card_numbers(card_numbers text[])
returns table (card_number text, person_id integer, org_name text)
language sql stable security definer set search_path = public as $$
  select m.card_number, m.person_id, o.name
  from members_membership m
  join org_unit o on o.id = m.org_unit_id
  where m.card_number = any(card_numbers) and m.status in ('active', 'retained', 'transferring')
$$;
revoke all on function members_taken_card_numbers(text[]) from public;
grant execute on function members_taken_card_numbers(text[]) to gonghui_app;

-- Seven-digit sequences by default: an import of a whole city's members in one year fits.
update members_setting set value = '{"template": "{region}{year}{seq:7}"}',
  source = '本平台默认：属地行政区划代码 + 批准年份 + 7 位顺序号'
where key = 'card_number_rule' and value = '{"template": "{region}{year}{seq:6}"}';

-- An import batch matches its rows against the people already recorded, in
-- one call: each person's current holder (named even outside the importing
-- union's subtree, as members_current_holders does) and, only when that
-- membership lies inside the caller's scope, the fields the import compares.
create function members_import_lookup(id_number_indexes text[])
returns table (
  id_number_index text, person_id integer, membership_id integer, org_unit_id integer, org_name text, org_code text,
  in_scope boolean, name text, gender text, birth_date date, phone_index text, ethnicity text, education text,
  political_status text, household_type text, employment_form text, employer_name text, occupation text,
  status text, org_path text, joined_on date, started_on date, left_on date, card_number text
)
language sql stable security definer set search_path = public as $$
  with scope as (
    select nullif(current_setting('gonghui.scope_from', true), '') as scope_from,
           nullif(current_setting('gonghui.scope_to', true), '') as scope_to
  ), found as (
    select p.*, m.id as m_id, m.org_unit_id as m_unit, m.org_path as m_path, m.status as m_status, m.joined_on as m_joined,
      m.started_on as m_started, m.left_on as m_left, m.card_number as m_card, o.name as o_name, o.code as o_code,
      (m.org_path >= s.scope_from and m.org_path < s.scope_to) as visible
    from person p
    cross join scope s
    left join members_membership m on m.person_id = p.id and m.status in ('active', 'retained', 'transferring')
    left join org_unit o on o.id = m.org_unit_id
    where p.id_number_index = any(id_number_indexes)
  )
  select f.id_number_index, f.id, f.m_id, f.m_unit, f.o_name, f.o_code, coalesce(f.visible, false),
    case when f.visible then f.name end, case when f.visible then f.gender end, case when f.visible then f.birth_date end,
    case when f.visible then f.phone_index end, case when f.visible then f.ethnicity end, case when f.visible then f.education end,
    case when f.visible then f.political_status end, case when f.visible then f.household_type end,
    case when f.visible then f.employment_form end, case when f.visible then f.employer_name end,
    case when f.visible then f.occupation end, case when f.visible then f.m_status end, case when f.visible then f.m_path end,
    case when f.visible then f.m_joined end, case when f.visible then f.m_started end, case when f.visible then f.m_left end,
    case when f.visible then f.m_card end
  from found f
$$;
revoke all on function members_import_lookup(text[]) from public;
grant execute on function members_import_lookup(text[]) to gonghui_app;

-- Imports: the job that created a membership. The job adds its new members to
-- the statistics once, at its end, with one grouped statement over them
-- (a per-batch delta would touch every union's counters on every batch).
alter table members_membership add column import_job_id integer references members_import_job (id);
create index members_membership_import_job on members_membership (import_job_id) where import_job_id is not null;

-- The seen-ID table only serves a running import: no WAL for it. After a
-- database crash it is empty, and a duplicate across the crash is then caught
-- as "already a member of this union" instead.
alter table members_import_key set unlogged;

-- Name search is a prefix match (张 / 张伟): an index usable by LIKE 'prefix%'
-- whatever the database's collation, so a rare name is found from the index
-- instead of by walking a whole subtree's memberships.
create index person_name_prefix on person (name text_pattern_ops);
