-- Defence in depth (security.md §5.2): request transactions run as gonghui_app,
-- a role that owns no table, so PostgreSQL row-level security applies to them
-- (owners and superusers bypass it). The role is cluster-wide, hence the guard.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'gonghui_app') then
    create role gonghui_app nologin;
  end if;
  -- The connecting (migrating) role must be a member to SET ROLE to it.
  if not exists (
    select 1 from pg_auth_members m
    join pg_roles r on r.oid = m.roleid
    join pg_roles u on u.oid = m.member
    where r.rolname = 'gonghui_app' and u.rolname = current_user
  ) and not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant gonghui_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to gonghui_app;
grant select, insert, update, delete on all tables in schema public to gonghui_app;
grant usage, select on all sequences in schema public to gonghui_app;
-- Tables that later migrations create get the same grants.
alter default privileges in schema public grant select, insert, update, delete on tables to gonghui_app;
alter default privileges in schema public grant usage, select on sequences to gonghui_app;

-- The audit trail: the application may add and read, never change or remove.
revoke update, delete, truncate on audit_event from gonghui_app;
revoke insert, update, delete, truncate on audit_anchor from gonghui_app;
revoke insert, update, delete, truncate on schema_migration from gonghui_app;
