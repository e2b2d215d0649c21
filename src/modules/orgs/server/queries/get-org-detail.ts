import { inCallerScope } from '../../../../core/access/scope';
import { notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { ancestorsOf } from '../../../../core/org/tree';
import type { TOrgDetail } from '../../contract';
import { selectOrgNodes, toOrgNode } from './org-node';

/** One unit with its chain of ancestors, from the caller's own unit down. */
export async function getOrgDetail(ctx: RequestContext, id: number): Promise<TOrgDetail> {
  const row = await selectOrgNodes(ctx.db)
    .where('org_unit.id', '=', id)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!row) {
    throw notFound('组织');
  }
  const rootDepth = requireUser(ctx).org.path.split('.').length - 2;
  const ancestors = (await ancestorsOf(ctx.db, row.path))
    .filter((unit) => unit.depth >= rootDepth && unit.id !== row.id)
    .map(({ id: ancestorId, name, type }) => ({ id: ancestorId, name, type }));
  return { ...toOrgNode(row), ancestors };
}
