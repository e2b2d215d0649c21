import type { Selectable } from 'kysely';
import { inCallerScope } from '../../../../core/access/scope';
import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { AssistanceHouseholdTable } from '../schema';

export type HouseholdRow = Selectable<AssistanceHouseholdTable>;

export const householdNotFound = () => notFound('困难职工档案');

/**
 * A file in the caller's subtree (NOT_FOUND otherwise, as for any row out of
 * scope); `lock` holds it for the rest of the transaction, so edits and steps
 * on one file queue behind each other.
 */
export async function loadHousehold(ctx: RequestContext, id: number, options: { lock?: boolean } = {}): Promise<HouseholdRow> {
  let query = ctx.db.selectFrom('assistance_household').selectAll().where('id', '=', id).where(inCallerScope(ctx, 'assistance_household.org_path'));
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw householdNotFound();
  return row;
}
