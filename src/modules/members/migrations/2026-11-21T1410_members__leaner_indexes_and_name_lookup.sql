-- Fewer indexes to maintain on every import row, and name search that
-- starts from the name.

-- person_name_prefix (migration 1400) also answers equality: the plain name
-- index goes, one index less on every insert.
drop index person_name;

-- Memberships of one unit are found by its exact path on the scope index
-- (org-listener.ts); the separate unit index only cost every insert.
drop index members_membership_unit;

-- The seen-ID table keys on 8 bytes of the blind index (a collision is
-- 1 in 2^64): a smaller index, a cheaper insert per row.
alter table members_import_key drop constraint members_import_key_pkey;
alter table members_import_key drop column id_number_index;
alter table members_import_key add column id_key bigint not null;
alter table members_import_key add primary key (job_id, id_key);

-- Name search: the ids (nothing else) of people whose name starts with a
-- prefix, province-wide, from the prefix index. The caller then keeps those
-- with a membership in its subtree (row-level security); this way a rare name
-- costs a few index probes, and checking visibility never scans a common one.
-- The prefix is a range on the text_pattern_ops index (~>=~ … ~<~ prefix || the
-- highest code point): unlike LIKE with a parameter, a prepared (generic) plan
-- can use it.
create function members_people_named(name_prefix text, max_rows integer)
returns setof integer
language sql stable security definer set search_path = public as $$
  select id from person where name ~>=~ name_prefix and name ~<~ (name_prefix || chr(1114111)) limit max_rows
$$;
revoke all on function members_people_named(text, integer) from public;
grant execute on function members_people_named(text, integer) to gonghui_app;
