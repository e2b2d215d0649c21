-- A sign-in may have to change the password before anything else: a first
-- password set by an administrator, or one older than the rotation period.
alter table auth_session drop constraint auth_session_stage_check;
alter table auth_session add constraint auth_session_stage_check
  check (stage in ('full', 'second_factor', 'enrolment', 'password_change'));
alter table account add column if not exists must_change_password boolean not null default false;
