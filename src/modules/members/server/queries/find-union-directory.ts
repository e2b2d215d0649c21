import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import { MEMBERSHIP_HOLDER_TYPES, type ZUnionDirectory } from '../../contract';

/**
 * The province-wide directory of unions that can receive a member (name
 * contains, or exact code). Union names and codes are public registration
 * data, so the directory is not limited to the caller's subtree: transfers
 * cross it.
 */
export async function findUnionDirectory(ctx: RequestContext, q: string): Promise<z.output<typeof ZUnionDirectory>> {
  const pattern = `%${q.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const rows = await ctx.db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.code', 'o.type', 'parent.name as parent_name'])
    .where('o.status', '=', 'active')
    .where('o.type', 'in', MEMBERSHIP_HOLDER_TYPES)
    .where((eb) => eb.or([eb('o.name', 'like', pattern), eb('o.code', '=', q.toUpperCase())]))
    .orderBy('o.depth')
    .orderBy('o.name')
    .limit(20)
    .execute();
  return { items: rows.map((row) => ({ id: row.id, name: row.name, code: row.code, type: row.type, parentName: row.parent_name })) };
}
