import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { CardNumberIssuer } from './card-number-issuer';

/**
 * 会员证号 by the configured rule (members_setting 'card_number_rule'), a
 * template of literal text and tokens:
 *   {region}  the 6-digit GB/T 2260 code of the union or its nearest ancestor that has one
 *   {year}    the approval year
 *   {org}     the union's own code
 *   {seq:N}   a counter per expanded prefix, zero-padded to N digits (default rule: 7,
 *             ten million a year per region: an import of a whole city's members fits)
 * The counter row is updated with the number (upsert … returning), so two
 * approvals at once never get the same number.
 */
export type CardRule = { template: string };

export const DEFAULT_CARD_RULE: CardRule = { template: '{region}{year}{seq:7}' };

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

export const cardNumberWidth = (rule: CardRule) => Number(rule.template.match(SEQ)?.[1] ?? 7);

export const cardNumberPrefix = (rule: CardRule, unit: { region: string; code: string }, on: string) =>
  rule.template.replace(SEQ, '').replace('{region}', unit.region).replace('{year}', on.slice(0, 4)).replace('{org}', unit.code);

/** Card numbers for one union (approvals); imports use CardNumberIssuer for many unions at once. */
export async function issueCardNumbers(
  db: Kysely<DB>,
  rule: CardRule,
  unit: { id: number; path: string; code: string },
  on: string,
  count: number,
): Promise<string[]> {
  const issuer = new CardNumberIssuer(rule);
  return (await issuer.issue(db, [{ union: unit, count }], on)).get(unit.id) ?? [];
}
