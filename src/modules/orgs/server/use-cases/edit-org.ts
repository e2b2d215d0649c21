import type { z } from 'zod';
import { openField } from '../../../../core/crypto';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TOrgDetail, ZEditOrgRequest } from '../../contract';
import { childTypeProblem } from '../../type-rules';
import { checkCounts, FIELD_OF_COLUMN, ORG_CONTACT_PHONE_CONTEXT, type OrgColumns, orgColumns } from '../org-fields';
import { lockUnitInScope, nextUpdatedAt, refuseDuplicateName, requireActive } from '../org-units';
import { getOrgDetail } from '../queries/get-org-detail';

export const STALE_MESSAGE = '该组织已被他人修改，请刷新后重试';

/**
 * 修改组织信息: the registry fields present in the request (left out: unchanged;
 * null: cleared). The edit must start from the current version (`updatedAt`
 * echoed from the detail), else it is refused rather than overwrite another
 * user's change. A type change must keep the unit fitting under its parent and
 * its children fitting under it. The parent changes only by a move.
 */
export async function editOrg(ctx: RequestContext, id: number, request: z.output<typeof ZEditOrgRequest>): Promise<TOrgDetail> {
  const unit = await lockUnitInScope(ctx, id);
  const echoed = new Date(request.updatedAt);
  if (Number.isNaN(echoed.getTime())) {
    throw new AppError('VALIDATION_FAILED', '修改前的版本（updatedAt）无效，请刷新后重试', { field: 'updatedAt' });
  }
  if (echoed.getTime() !== unit.updated_at.getTime()) {
    throw new AppError('CONFLICT', STALE_MESSAGE);
  }
  requireActive(unit);

  const columns = orgColumns(ctx, request);
  const current = await ctx.db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  if (columns.type !== undefined && columns.type !== unit.type) {
    if (unit.id === ctx.user?.org.id) {
      throw new AppError('FORBIDDEN', '本组织的类型须由上级工会修改', { field: 'type' });
    }
    const parent = unit.parent_id === null ? undefined : await ctx.db.selectFrom('org_unit').select('type').where('id', '=', unit.parent_id).executeTakeFirst();
    const above = parent ? childTypeProblem(parent.type, columns.type) : '根组织的类型不能修改';
    if (above) throw new AppError('VALIDATION_FAILED', above, { field: 'type' });
    const childTypes = await ctx.db.selectFrom('org_unit').select('type').distinct().where('parent_id', '=', unit.id).execute();
    for (const child of childTypes) {
      const below = childTypeProblem(columns.type, child.type);
      if (below) throw new AppError('VALIDATION_FAILED', `该组织现有下级不符合隶属规则：${below}`, { field: 'type' });
    }
  }
  if (columns.name !== undefined && columns.name !== unit.name && unit.parent_id !== null) {
    await refuseDuplicateName(ctx, unit.parent_id, columns.name, unit.id);
  }
  checkCounts({
    employee_count: columns.employee_count !== undefined ? columns.employee_count : current.employee_count,
    women_count: columns.women_count !== undefined ? columns.women_count : current.women_count,
    migrant_count: columns.migrant_count !== undefined ? columns.migrant_count : current.migrant_count,
  });

  // Only what differs is written. A phone is sealed afresh each time: compare what the envelopes hold.
  const phoneIn = (envelope: string | null | undefined) => (envelope ? openField(ctx.keys.ring, envelope, ORG_CONTACT_PHONE_CONTEXT) : null);
  const changed = Object.entries(columns).filter(([column, value]) => {
    if (column === 'contact_phone_masked') return false;
    if (column === 'contact_phone_envelope') return phoneIn(columns.contact_phone_envelope) !== phoneIn(current.contact_phone_envelope);
    return value !== current[column as keyof typeof current];
  });
  if (changed.length > 0) {
    const values: OrgColumns = Object.fromEntries(changed);
    if ('contact_phone_envelope' in values) values.contact_phone_masked = columns.contact_phone_masked ?? null;
    await ctx.db
      .updateTable('org_unit')
      .set({ ...values, updated_at: nextUpdatedAt(ctx, unit.updated_at) })
      .where('id', '=', id)
      .execute();
  }
  await ctx.audit({
    action: 'orgs.edit',
    category: 'write',
    targetType: 'org_unit',
    targetId: id,
    details: { changed: changed.map(([column]) => FIELD_OF_COLUMN[column] ?? column) },
  });
  return getOrgDetail(ctx, id);
}
