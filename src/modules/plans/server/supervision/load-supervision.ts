import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { checkVersion } from '../plan-access';
import { pathInScope } from '../plan-access';

/** A 督办 item of the plan in the caller's subtree, locked, at the version the caller started from; 404 otherwise. */
export async function lockSupervision(ctx: RequestContext, planId: number, supervisionId: number, version: number) {
  const row = await ctx.db
    .selectFrom('plans_supervision')
    .selectAll()
    .where('id', '=', supervisionId)
    .where('plan_id', '=', planId)
    .where(pathInScope(ctx, 'plans_supervision.org_path'))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '督办事项不存在或无权访问');
  if (row.status === 'closed') throw new AppError('CONFLICT', '该督办事项已办结', { field: 'status' });
  checkVersion(version, row.version, '该督办事项已有新的进展，请刷新后重试');
  return row;
}
