import { inCallerScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { MEMBERSHIP_HOLDER_TYPES, MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../../contract';

export type HolderUnit = { id: number; path: string; name: string; code: string; type: string };

const HOLDER_TYPES: ReadonlySet<string> = new Set(MEMBERSHIP_HOLDER_TYPES);

/** A union in the caller's scope that can hold memberships and is not dissolved. */
export async function loadHolderUnit(ctx: RequestContext, orgUnitId: number, field: string): Promise<HolderUnit> {
  const unit = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name', 'code', 'type', 'status'])
    .where('id', '=', orgUnitId)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!unit) throw notFound('工会');
  checkHolder(unit, field);
  return unit;
}

export function checkHolder(unit: HolderUnit & { status: string }, field: string): void {
  if (unit.status !== 'active') throw new AppError('VALIDATION_FAILED', `${unit.name}已撤销，不能接收会员`, { field });
  if (!HOLDER_TYPES.has(unit.type)) {
    throw new AppError('VALIDATION_FAILED', `${unit.name}不直接管理会员，请选择基层工会（或居住地的乡镇、县级工会）`, { field });
  }
}

export type MembershipInScope = {
  id: number;
  person_id: number;
  org_unit_id: number;
  org_path: string;
  status: MembershipStatus;
  joined_on: string | null;
  applied_on: string | null;
  card_number: string | null;
};

/** A membership the caller can see (row-level security), or 404. */
export async function loadMembership(ctx: RequestContext, id: number): Promise<MembershipInScope> {
  const row = await ctx.db
    .selectFrom('members_membership')
    .select(['id', 'person_id', 'org_unit_id', 'org_path', 'status', 'joined_on', 'applied_on', 'card_number'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('会籍');
  return row;
}

export function requireStatus(membership: MembershipInScope, allowed: readonly MembershipStatus[], action: string): void {
  if (!allowed.includes(membership.status)) {
    throw new AppError('CONFLICT', `当前会籍状态为“${MEMBERSHIP_STATUS_LABELS[membership.status]}”，不能${action}`);
  }
}

/** The date of record: given, or today in Beijing; never in the future. */
export function dateOfRecord(ctx: RequestContext, given: string | undefined, field = 'on'): string {
  const today = beijingDate(ctx.now());
  if (!given) return today;
  if (given > today) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', { field });
  return given;
}

export const actorId = (ctx: RequestContext) => requireUser(ctx).account.id;
