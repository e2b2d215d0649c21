import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { childPath } from '../../../../core/org/tree';
import type { TOrgDetail, ZCreateOrgRequest } from '../../contract';
import { childTypeProblem } from '../../type-rules';
import { checkCounts, orgColumns } from '../org-fields';
import { lockUnitInScope, nextSortOrder, refuseDuplicateName, requireActive } from '../org-units';
import { getOrgDetail } from '../queries/get-org-detail';

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

const codeTaken = (code: string) => new AppError('CONFLICT', `组织代码 ${code} 已被使用，请换一个或留空由系统生成`, { field: 'code' });

/**
 * The next free code under a parent: the parent's code, '-' and a 4-digit
 * sequence among its children ('SX610113-0042'), as the demo province numbers them.
 */
async function generateCode(ctx: RequestContext, parent: { id: number; code: string }): Promise<string> {
  const prefix = `${parent.code}-`;
  const siblings = await ctx.db.selectFrom('org_unit').select('code').where('parent_id', '=', parent.id).execute();
  let next =
    siblings.reduce((max, { code }) => {
      const rest = code.startsWith(prefix) ? code.slice(prefix.length) : '';
      return /^\d+$/.test(rest) ? Math.max(max, Number(rest)) : max;
    }, 0) + 1;
  for (;;) {
    const code = `${prefix}${String(next).padStart(4, '0')}`;
    const taken = await ctx.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
    next += 1;
  }
}

/**
 * 新建下级组织: a child of an active unit in the caller's scope, of a type
 * that may sit there (type-rules.ts), with its registry fields.
 */
export async function createOrg(ctx: RequestContext, request: z.output<typeof ZCreateOrgRequest>): Promise<TOrgDetail> {
  const parent = await lockUnitInScope(ctx, request.parentId, 'parentId');
  requireActive(parent, 'parentId', '上级组织');
  const problem = childTypeProblem(parent.type, request.type);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', problem, { field: 'type' });
  }
  const columns = orgColumns(ctx, request);
  checkCounts({
    employee_count: columns.employee_count ?? null,
    women_count: columns.women_count ?? null,
    migrant_count: columns.migrant_count ?? null,
  });
  await refuseDuplicateName(ctx, parent.id, request.name);

  let code = request.code;
  if (code) {
    if (await ctx.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst()) throw codeTaken(code);
  } else {
    code = await generateCode(ctx, parent);
  }

  const { next: id } = await sql<{ next: number }>`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as next`
    .execute(ctx.db)
    .then((result) => result.rows[0] ?? { next: 0 });
  const now = ctx.now();
  try {
    await ctx.db
      .insertInto('org_unit')
      .values({
        ...columns,
        id,
        parent_id: parent.id,
        path: childPath(parent.path, id),
        depth: parent.depth + 1,
        name: request.name,
        type: request.type,
        code,
        sort_order: await nextSortOrder(ctx, parent.id),
        created_at: now,
        updated_at: now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(code);
    throw error;
  }

  await ctx.audit({
    action: 'orgs.create',
    category: 'write',
    targetType: 'org_unit',
    targetId: id,
    details: { parentId: parent.id, type: request.type, code },
  });
  return getOrgDetail(ctx, id);
}
