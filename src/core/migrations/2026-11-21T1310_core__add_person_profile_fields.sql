-- The rest of the member record (会员信息采集登记表, domain.md §1.2): the
-- platform a gig worker works through (新就业形态, §1.4), and flags that later
-- modules fill: 劳模/工匠 (honors) and 困难职工 (hardship assistance).
alter table person
  add column platform_name text check (length(platform_name) <= 100),
  add column is_model_worker boolean not null default false,
  add column is_hardship boolean not null default false,
  add column deceased_on date;
