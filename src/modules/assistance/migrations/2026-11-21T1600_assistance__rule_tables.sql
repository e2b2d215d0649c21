-- 困难职工帮扶 rule tables. "Rules with numbers are configuration with a date"
-- (architecture.md; domain.md "design advice"): every threshold the
-- classification uses is a row with the date it takes effect and the document
-- it comes from, never a literal in code. No personal data: no row-level security.

-- 最低生活保障标准 (低保) per region, area and date. The region is a GB/T 2260
-- code at province, city or county level; the lookup takes the most specific
-- region that has a standard (county, then its city, then the province) and,
-- of its standards, the one in force on the day asked (server/queries/find-dibao-standard.ts).
create table assistance_dibao_standard (
  region_code text not null check (region_code ~ '^[1-9][0-9]{5}$'),
  -- The name the self-test page shows in its region picker.
  region_name text not null check (btrim(region_name) <> ''),
  -- 城市低保 (urban) or 农村低保 (rural): most regions publish both.
  area text not null check (area in ('urban', 'rural')),
  monthly_yuan numeric(10, 2) not null check (monthly_yuan > 0),
  effective_from date not null,
  -- The last day in force (inclusive); null: until a later standard of the region replaces it.
  effective_to date,
  -- 文件依据: the document that sets the standard.
  source text not null check (btrim(source) <> ''),
  primary key (region_code, area, effective_from),
  check (effective_to is null or effective_to >= effective_from)
);

-- Multiples, ratios and periods of the hardship rules, by key and date: the value
-- in force on a day is the one with the latest effective_from not after it.
create table assistance_rule_value (
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  value numeric(12, 4) not null check (value >= 0),
  effective_from date not null,
  source text not null check (btrim(source) <> ''),
  note text,
  primary key (key, effective_from)
);

-- domain.md §2.1 and §2.5. The 三类 criteria were seen in a local union's published
-- self-test criteria that follow the 全总 scheme ([V-L]); whether Shaanxi applies the
-- same multiples is open (domain.md §11 item 3), hence the notes. effective_from is the
-- day this platform starts applying the value, not the date of the document.
insert into assistance_rule_value (key, value, effective_from, source, note) values
  ('relative_multiple', 2, '2023-01-01',
   '全总困难职工家庭三类认定标准（据青岛市总工会“困难职工自测”认定条件，各地通行表述）',
   '相对困难职工家庭：（家庭年度可支配收入 − 刚性支出）÷ 12 ÷ 家庭共同生活人口 < 当地低保标准的 2 倍。陕西实施细则是否同为 2 倍待省总确认'),
  ('accident_cost_ratio', 0.8, '2023-01-01',
   '全总困难职工家庭三类认定标准（据青岛市总工会“困难职工自测”认定条件，各地通行表述）',
   '意外致困职工家庭：职工本人或家庭成员因突发事件、意外事故、重大疾病，年度内致困费用（损失）超过家庭年收入的 80%。待省总确认'),
  ('migrant_min_labour_months', 12, '2023-01-01',
   '全总困难职工家庭三类认定标准（据青岛市总工会“困难职工自测”认定条件，各地通行表述）',
   '困难农民工：符合上述条件之一，长期在城镇居住，并与用人单位建立 1 年以上事实劳动关系'),
  ('exit_consecutive_months', 6, '2023-01-01',
   '全国总工会 2019 年解困脱困标准',
   '脱困：家庭人均收入连续 6 个月超过当地低保标准'),
  ('monitoring_months', 12, '2023-01-01',
   '本平台默认值（全国未见统一的返困监测期限，domain.md §2.5）',
   '脱困后继续返困监测的月数，可按省总规定调整');

-- 低保 standards: no Shaanxi figures could be verified from a source, so these are
-- example values, labelled as such in their source, for the administrator to replace
-- with the civil-affairs figures before go-live. The ten cities (domain.md §9.1) and
-- 韩城市 (a county-level city listed beside them) have a row each; other counties fall
-- back to their city.
insert into assistance_dibao_standard (region_code, region_name, area, monthly_yuan, effective_from, source)
select code, name, area, amount, '2023-01-01', '示例值：以当地民政部门公布的标准为准（上线前由管理员维护）'
from (values
  ('610100', '西安市'), ('610200', '铜川市'), ('610300', '宝鸡市'), ('610400', '咸阳市'), ('610500', '渭南市'),
  ('610600', '延安市'), ('610700', '汉中市'), ('610800', '榆林市'), ('610900', '安康市'), ('611000', '商洛市'),
  ('610581', '韩城市')
) as region (code, name)
cross join (values ('urban', 700.00), ('rural', 560.00)) as standard (area, amount);
