-- The registration fields of a union (《工会组织信息登记表》, domain.md §1.2):
-- the employer it serves, that employer's 统一社会信用代码 (GB 32100) and
-- 国民经济行业分类 门类 (GB/T 4754, A–T), 单位类别, address, founding date,
-- chair and contact, and the employee counts behind 入会率.
alter table org_unit
  add column employer_name text check (length(employer_name) <= 200),
  add column employer_credit_code text,
  add column industry_code text check (industry_code ~ '^[A-T]$'),
  add column unit_category text check (unit_category ~ '^[0-9]{3}$'),
  add column address text check (length(address) <= 200),
  add column established_on date,
  add column chair_name text check (length(chair_name) <= 50),
  add column contact_name text check (length(contact_name) <= 50),
  add column contact_phone_envelope text,
  add column contact_phone_masked text,
  add column women_count integer check (women_count >= 0),
  add column migrant_count integer check (migrant_count >= 0),
  add column dissolved_on date,
  -- Set when the unit was merged into another (its members went there).
  add column merged_into_id integer references org_unit (id),
  add constraint org_unit_counts_within_total check (
    (women_count is null or employee_count is null or women_count <= employee_count)
    and (migrant_count is null or employee_count is null or migrant_count <= employee_count)
  ),
  add constraint org_unit_dissolved_has_date check ((status = 'dissolved') = (dissolved_on is not null));

create index org_unit_credit_code on org_unit (credit_code) where credit_code is not null;
create index org_unit_employer_credit_code on org_unit (employer_credit_code) where employer_credit_code is not null;
