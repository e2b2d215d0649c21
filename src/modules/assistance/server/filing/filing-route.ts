import type { ActorRule } from '../../../../core/workflow/engine';
import type { Executor } from '../../../../core/db/transaction';
import { idsOnPath } from '../../../../core/org/tree';
import { ASSISTANCE_REVIEW } from '../../contract';
import type { CheckLevel } from '../../vocabulary';

/**
 * The higher union that checks a household's finances (domain.md §2.2 step 4:
 * the 困难职工帮扶中心 of the next-level 总工会, or for 产业 unions the 省总产业工会
 * 工作部), as the org types the engine looks for above the household's union:
 * - `county`: the nearest 县级 union — or the city, for a 市直 union with no
 *   county above it, or the 省级产业工会 / 单列单位 for the unions under them;
 * - `city`: the nearest 市级 union (or the 产业工会 / 单列单位 as above).
 */
const CHECKING_UNION_TYPES: Record<CheckLevel, readonly string[]> = {
  county: ['county', 'city', 'industry', 'direct'],
  city: ['city', 'industry', 'direct'],
};

export const checkerRule = (level: CheckLevel): ActorRule => ({ permission: ASSISTANCE_REVIEW, level: { ancestorType: CHECKING_UNION_TYPES[level] } });

/** The transitions the checking union takes: the route table swaps their actor rules (withRoute). */
export const FINANCIAL_CHECK_TRANSITIONS = ['civil_check', 'approve_financial_check', 'return_financial_check', 'refuse_financial_check'] as const;

export type FilingRoute = { level: CheckLevel; source: string; effectiveFrom: string; orgUnitId: number | null };

/**
 * The route in force for a household's union on `day` (assistance_filing_route):
 * of the rows at the union or any union above it, or province-wide (no union),
 * the most specific union's latest row not after the day.
 */
export async function findFilingRoute(db: Executor, orgPath: string, day: string): Promise<FilingRoute> {
  const chain = idsOnPath(orgPath);
  const rows = await db
    .selectFrom('assistance_filing_route')
    .select(['org_unit_id', 'level', 'effective_from', 'source'])
    .where('step', '=', 'financial_check')
    .where('effective_from', '<=', day)
    .where((eb) => eb.or([eb('org_unit_id', 'is', null), eb('org_unit_id', 'in', chain)]))
    .execute();
  const depthOf = (unitId: number | null) => (unitId === null ? -1 : chain.indexOf(unitId));
  const best = rows.sort((a, b) => depthOf(b.org_unit_id) - depthOf(a.org_unit_id) || b.effective_from.localeCompare(a.effective_from))[0];
  // The migration seeds a province-wide row; without any, the next-level (county) union checks.
  return best
    ? { level: best.level, source: best.source, effectiveFrom: best.effective_from, orgUnitId: best.org_unit_id }
    : { level: 'county', source: '默认：上一级（县级）总工会核对', effectiveFrom: day, orgUnitId: null };
}
