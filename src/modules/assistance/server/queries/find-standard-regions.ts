import type { Kysely } from 'kysely';
import { parseRegionCode } from '../../../../core/cn/region-code';
import type { DB } from '../../../../core/db/schema';
import type { TStandardRegion } from '../../contract';

/** Every region with a 低保 standard in the table, by code, under the name of its latest standard. */
export async function findStandardRegions(db: Kysely<DB>): Promise<{ items: TStandardRegion[] }> {
  const rows = await db
    .selectFrom('assistance_dibao_standard')
    .distinctOn('region_code')
    .select(['region_code', 'region_name'])
    .orderBy('region_code')
    .orderBy('effective_from', 'desc')
    .execute();
  const items = rows.map((row): TStandardRegion => {
    const parsed = parseRegionCode(row.region_code);
    if (!parsed.ok) return { code: row.region_code, name: row.region_name, level: 'county', parentCode: null };
    const { level, prefectureCode, provinceCode } = parsed.value;
    const parentCode = level === 'province' ? null : level === 'prefecture' ? provinceCode : prefectureCode;
    return { code: row.region_code, name: row.region_name, level, parentCode };
  });
  return { items };
}
