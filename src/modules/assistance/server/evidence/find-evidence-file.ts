import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { loadHousehold } from '../queries/load-household';

/** A file of a household in the caller's subtree (NOT_FOUND otherwise, the household first). */
export async function findEvidenceFile(ctx: RequestContext, householdId: number, fileId: number) {
  await loadHousehold(ctx, householdId);
  const file = await ctx.db.selectFrom('assistance_household_file').selectAll().where('household_id', '=', householdId).where('id', '=', fileId).executeTakeFirst();
  if (!file) throw notFound('佐证材料');
  return file;
}
