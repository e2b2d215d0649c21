import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TMemberRow } from '../../contract';
import { selectMemberRows, toMemberRow } from './member-row';

/** One membership; row-level security hides those outside the caller's subtree (404). */
export async function getMember(ctx: RequestContext, id: number): Promise<TMemberRow> {
  const row = await selectMemberRows(ctx.db).where('m.id', '=', id).executeTakeFirst();
  if (!row) {
    throw notFound('会员');
  }
  return toMemberRow(row);
}
