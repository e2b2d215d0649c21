import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import type { z } from 'zod';
import type { ZTransferList, ZTransferListQuery } from '../../contract';
import { selectTransferRows, toTransferRow } from './transfer-rows';

/** Transfers into (待接收) or out of (转出) the caller's subtree, newest first. */
export async function findTransfers(ctx: RequestContext, query: z.output<typeof ZTransferListQuery>): Promise<z.output<typeof ZTransferList>> {
  const root = requireUser(ctx).org.path;
  let select = selectTransferRows(ctx.db).where(subtreeOf(query.direction === 'incoming' ? 't.to_path' : 't.from_path', root));
  if (query.status) select = select.where('t.status', '=', query.status);
  const rows = await select.orderBy('t.id', 'desc').limit(200).execute();
  return { items: rows.map((row) => toTransferRow(row, root)) };
}
