-- Staff account administration (等保 level 3 8.1.4.2 a/d, 8.1.5; security.md §1.2, §1.9).
-- A staff member's work phone, sealed like person.phone (SM4 + HMAC-SM3 envelope,
-- context 'account.phone'), found by its blind index, listed masked only.
alter table account add column phone_envelope text;
alter table account add column phone_index text;
alter table account add column phone_masked text;
create index account_phone on account (phone_index);

-- A password someone else chose (the one-time initial password of a new
-- account) must be changed at the next sign-in. The core may already have
-- added the column (2026-11-21T1040), hence `if not exists`.
alter table account add column if not exists must_change_password boolean not null default false;
