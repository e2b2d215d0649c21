import { inCallerScope } from '../../../core/access/scope';
import { isCalendarDate } from '../../../core/cn/calendar-date';
import { beijingDate } from '../../../core/files/beijing-time';
import { AppError, notFound } from '../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../core/http/request-context';
import { isWithin } from '../../../core/org/tree';

/** The columns the write use cases decide on. */
export type UnitRow = {
  id: number;
  parent_id: number | null;
  path: string;
  depth: number;
  type: string;
  name: string;
  code: string;
  status: string;
  updated_at: Date;
};

/**
 * A unit in the caller's scope, locked for the rest of the request's
 * transaction (a concurrent change to it waits); NOT_FOUND otherwise, with
 * `field` when the id came from the request body.
 */
export async function lockUnitInScope(ctx: RequestContext, id: number, field?: string): Promise<UnitRow> {
  const row = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'parent_id', 'path', 'depth', 'type', 'name', 'code', 'status', 'updated_at'])
    .where('id', '=', id)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .forUpdate()
    .executeTakeFirst();
  if (!row) {
    const error = notFound('组织');
    throw field ? new AppError('NOT_FOUND', error.message, { field }) : error;
  }
  return row;
}

/** The unit the caller acts for, or one above it, is changed by a higher-level union only. */
export function refuseOwnUnit(ctx: RequestContext, unit: UnitRow, what: string): void {
  if (unit.id === requireUser(ctx).org.id) {
    throw new AppError('FORBIDDEN', `不能${what}，请由上级工会办理`);
  }
}

export function requireActive(unit: UnitRow, field?: string, role = '该组织'): void {
  if (unit.status !== 'active') {
    throw new AppError('CONFLICT', `${role}「${unit.name}」已撤销`, field ? { field } : {});
  }
}

/** `target` may not be `unit` itself nor lie in its subtree (a unit cannot go under itself). */
export function refuseInsideSubtree(unit: UnitRow, target: UnitRow, field: string, message: string): void {
  if (isWithin(unit.path, target.path)) {
    throw new AppError('VALIDATION_FAILED', message, { field });
  }
}

/** A date of record: a real day, not after today (Beijing); default today. */
export function dateOfRecord(ctx: RequestContext, value: string | null | undefined, field: string, label: string): string {
  const today = beijingDate(ctx.now());
  if (value === undefined || value === null) return today;
  const [year, month, day] = value.split('-').map(Number);
  if (!isCalendarDate(year ?? NaN, month ?? NaN, day ?? NaN)) {
    throw new AppError('VALIDATION_FAILED', `${label}“${value}”不是有效的日期`, { field });
  }
  if (value > today) {
    throw new AppError('VALIDATION_FAILED', `${label}不能晚于今天（${today}）`, { field });
  }
  return value;
}

/** A change bumps `updated_at` strictly forward, so an echo of the old value never matches again. */
export const nextUpdatedAt = (ctx: RequestContext, previous: Date) => new Date(Math.max(ctx.now().getTime(), previous.getTime() + 1));

/** The next sort position among a parent's children. */
export async function nextSortOrder(ctx: RequestContext, parentId: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('parent_id', '=', parentId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** An active sibling with the same name would be two unions nobody can tell apart. */
export async function refuseDuplicateName(ctx: RequestContext, parentId: number, name: string, exceptId?: number): Promise<void> {
  let query = ctx.db
    .selectFrom('org_unit')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('name', '=', name)
    .where('status', '=', 'active');
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('CONFLICT', `上级组织下已有名为「${name}」的组织`, { field: 'name' });
  }
}
