import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { DibaoArea } from '../../contract';
import { type DibaoStandardRow, pickDibaoStandard, regionChain } from '../../rules/dibao-lookup';

/** The 低保 standard for a region, area and day (rules/dibao-lookup.ts says which), or undefined. */
export async function findDibaoStandard(
  db: Kysely<DB>,
  request: { region: string; area: DibaoArea; day: string },
): Promise<DibaoStandardRow | undefined> {
  const rows = await db
    .selectFrom('assistance_dibao_standard')
    .select([
      'region_code as regionCode',
      'region_name as regionName',
      'area',
      'monthly_yuan as monthlyYuan',
      'effective_from as effectiveFrom',
      'effective_to as effectiveTo',
      'source',
    ])
    .where('region_code', 'in', regionChain(request.region))
    .where('area', '=', request.area)
    .where('effective_from', '<=', request.day)
    .execute();
  return pickDibaoStandard(rows, request);
}
