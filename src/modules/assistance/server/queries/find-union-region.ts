import type { Executor } from '../../../../core/db/transaction';
import { idsOnPath } from '../../../../core/org/tree';

const REGION_CODE = /^[1-9]\d{5}$/;

/**
 * The GB/T 2260 code whose 低保 standard applies to a union's households: the
 * union's own region, else the nearest union above it with one (a factory's
 * union inherits its county's, a county's its city's). Null when none has one.
 */
export async function findUnionRegion(db: Executor, orgPath: string): Promise<string | null> {
  const units = await db.selectFrom('org_unit').select(['depth', 'region_code']).where('id', 'in', idsOnPath(orgPath)).orderBy('depth', 'desc').execute();
  return units.find((unit) => REGION_CODE.test(unit.region_code ?? ''))?.region_code ?? null;
}
