import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { idsOnPath } from '../../../../core/org/tree';

/**
 * 会员证号 by the configured rule (members_setting 'card_number_rule'), a
 * template of literal text and tokens:
 *   {region}  the 6-digit GB/T 2260 code of the union or its nearest ancestor that has one
 *   {year}    the approval year
 *   {org}     the union's own code
 *   {seq:N}   a counter per expanded prefix, zero-padded to N digits
 * The counter row is updated with the number (upsert … returning), so two
 * approvals at once never get the same number.
 */
export type CardRule = { template: string };

export const DEFAULT_CARD_RULE: CardRule = { template: '{region}{year}{seq:6}' };

const SEQ = /\{seq:(\d)\}/;

export function checkCardRule(rule: CardRule): string | null {
  const seq = rule.template.match(SEQ);
  if (!seq) return '会员证号规则须包含顺序号 {seq:N}';
  if (!rule.template.endsWith(seq[0])) return '顺序号 {seq:N} 须在规则末尾';
  const rest = rule.template.replace(SEQ, '').replace(/\{(region|year|org)\}/g, '');
  if (/[{}]/.test(rest)) return '会员证号规则只能使用 {region}、{year}、{org}、{seq:N}';
  return null;
}

export async function loadCardRule(db: Kysely<DB>): Promise<CardRule> {
  const row = await db.selectFrom('members_setting').select('value').where('key', '=', 'card_number_rule').executeTakeFirst();
  const value = row?.value as Partial<CardRule> | undefined;
  return typeof value?.template === 'string' && checkCardRule({ template: value.template }) === null
    ? { template: value.template }
    : DEFAULT_CARD_RULE;
}

export async function regionCodeFor(db: Kysely<DB>, unitPath: string): Promise<string> {
  const units = await db.selectFrom('org_unit').select(['depth', 'region_code']).where('id', 'in', idsOnPath(unitPath)).execute();
  const withRegion = units.filter((unit) => /^\d{6}$/.test(unit.region_code ?? '')).sort((a, b) => b.depth - a.depth)[0];
  return withRegion?.region_code ?? '610000';
}

export async function issueCardNumbers(
  db: Kysely<DB>,
  rule: CardRule,
  unit: { path: string; code: string },
  on: string,
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  const seq = rule.template.match(SEQ);
  const width = Number(seq?.[1] ?? 6);
  const prefix = rule.template
    .replace(SEQ, '')
    .replace('{region}', rule.template.includes('{region}') ? await regionCodeFor(db, unit.path) : '')
    .replace('{year}', on.slice(0, 4))
    .replace('{org}', unit.code);
  const result = await sql<{ last_value: number }>`
    insert into members_card_counter (prefix, last_value) values (${prefix}, ${count})
    on conflict (prefix) do update set last_value = members_card_counter.last_value + ${count}
    returning last_value
  `.execute(db);
  const last = result.rows[0]!.last_value;
  if (String(last).length > width) {
    throw new Error(`会员证号顺序号已用尽（${prefix}，${width} 位），请调整会员证号规则`);
  }
  return Array.from({ length: count }, (_, index) => `${prefix}${String(last - count + 1 + index).padStart(width, '0')}`);
}
