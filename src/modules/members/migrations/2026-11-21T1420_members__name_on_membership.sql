-- Name search inside a subtree, fast at 10,000,000 members.
--
-- Until now a name prefix found its people province-wide (person_name_prefix),
-- then each one's membership by person id: for a name shared by ten thousand
-- people that is ten thousand random reads before the subtree filter. The
-- membership now carries its person's name, and one index orders memberships
-- by (name, union path, id): a name prefix inside a subtree is a single range
-- of that index, read without touching the table (the union path is in the
-- index), whatever the subtree.
alter table members_membership add column person_name text collate "C";

update members_membership m set person_name = p.name from person p where p.id = m.person_id;

alter table members_membership alter column person_name set not null;

create index members_membership_name on members_membership (person_name, org_path, id);

-- Inserts may leave the name out: it is copied from the person (the import
-- passes it, so the trigger's WHEN keeps the bulk path free of a function call).
create function members_membership_fill_name() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  select name into new.person_name from person where id = new.person_id;
  return new;
end
$$;
create trigger members_membership_fill_name before insert on members_membership
  for each row when (new.person_name is null) execute function members_membership_fill_name();

-- A corrected name reaches every membership of the person, current and past,
-- including those outside the corrector's subtree (hence security definer).
create function members_membership_follow_name() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update members_membership set person_name = new.name where person_id = new.id;
  return null;
end
$$;
create trigger members_membership_follow_name after update of name on person
  for each row when (old.name is distinct from new.name) execute function members_membership_follow_name();

-- How many memberships, province-wide, carry a name prefix, counted up to a
-- cap: the list query uses it to choose between reading the name range and
-- walking the subtree. A number, no rows.
create function members_name_frequency(name_prefix text, cap integer)
returns integer
language sql stable security definer set search_path = public as $$
  select count(*)::integer from (
    select 1 from members_membership
    where person_name >= name_prefix and person_name < name_prefix || chr(1114111)
    limit cap
  ) as hits
$$;
revoke all on function members_name_frequency(text, integer) from public;
grant execute on function members_name_frequency(text, integer) to gonghui_app;

-- The row-level policy on person asks "has this person a membership in the
-- caller's subtree?" for every person row a query touches. With the person id
-- alone indexed, the planner answered it with a bitmap AND of the person's
-- memberships and the *whole subtree* (its row estimate for the scope bounds,
-- which are settings, is a blind guess): half a millisecond per row in a city
-- of 15,000 members, far worse in the province. With the union path beside the
-- person id the question is one index probe.
create index members_membership_person_scope on members_membership (person_id, org_path);
drop index members_membership_person;

-- The person-first lookup and its index are replaced by the membership index:
-- one index less on every imported person.
drop function members_people_named(text, integer);
drop index person_name_prefix;
