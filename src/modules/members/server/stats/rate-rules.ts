import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';

/**
 * 入会率 and 建会率 definitions (domain.md §1.5): standard 全总 practice, kept
 * as settings with their source because provinces define the denominators
 * differently. The threshold is 工会法 2021 第11条: 25 members or more must
 * set up a 基层工会委员会.
 */
export type RateRules = { unionizationThreshold: number; joinRateFormula: string; unionizationRateFormula: string; source: string };

export const DEFAULT_RATE_RULES: RateRules = {
  unionizationThreshold: 25,
  joinRateFormula: '入会率 = 会员人数 ÷ 已建会单位职工人数 × 100%',
  unionizationRateFormula: '建会率 = 已建会单位数 ÷ 应建会单位数（职工 25 人以上的法人单位）× 100%',
  source: '全总统计口径；应建会门槛见《工会法》第十一条',
};

export async function loadRateRules(db: Kysely<DB>): Promise<RateRules> {
  const row = await db.selectFrom('members_setting').select(['value', 'source']).where('key', '=', 'rate_rules').executeTakeFirst();
  const value = (row?.value ?? {}) as Partial<RateRules>;
  const threshold = typeof value.unionizationThreshold === 'number' && value.unionizationThreshold > 0 ? value.unionizationThreshold : DEFAULT_RATE_RULES.unionizationThreshold;
  return {
    unionizationThreshold: threshold,
    joinRateFormula: typeof value.joinRateFormula === 'string' ? value.joinRateFormula : DEFAULT_RATE_RULES.joinRateFormula,
    unionizationRateFormula:
      typeof value.unionizationRateFormula === 'string'
        ? value.unionizationRateFormula
        : DEFAULT_RATE_RULES.unionizationRateFormula.replace('25', String(threshold)),
    source: row?.source ?? DEFAULT_RATE_RULES.source,
  };
}
