import { type Expression, type SqlBool, sql } from 'kysely';
import { AppError, notFound } from '../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../core/http/request-context';
import { subtreeRange } from '../../../core/org/tree';
import type { TPlanRelation } from '../contract';

/**
 * Who sees and who may change a plan. Row-level security (the migration)
 * decides visibility; these helpers say it again in the queries (defence in
 * depth, and so a miss is a 404 with a Chinese message) and decide the
 * business rules: only the owner's side edits the structure, only the union a
 * plan was issued to signs for it, and so on. The union that acts is always the
 * one the user acts for (`user.org`).
 */

export type PlanRow = {
  id: number;
  org_unit_id: number;
  org_path: string;
  status: 'draft' | 'confirmed';
  version: number;
};

/** A path column inside the caller's subtree, as a raw SQL condition (usable in correlated subqueries). */
export function pathInScope(ctx: RequestContext, column: string): Expression<SqlBool> {
  const { from, to } = subtreeRange(requireUser(ctx).org.path);
  return sql<SqlBool>`(${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to})`;
}

/**
 * The plan is visible to the caller: its owner lies in their subtree, or it was
 * issued to a union in their subtree (the same rule as the RLS policy).
 */
export function planVisible(ctx: RequestContext, planIdColumn: string, ownerPathColumn: string): Expression<SqlBool> {
  const { from, to } = subtreeRange(requireUser(ctx).org.path);
  return sql<SqlBool>`(${pathInScope(ctx, ownerPathColumn)} or exists (
    select 1 from plans_issue vis where vis.plan_id = ${sql.ref(planIdColumn)} and vis.to_path >= ${from} and vis.to_path < ${to}))`;
}

/**
 * A plan row owned at `ownerPathColumn` (a section, measure, indicator) is
 * visible: its owner lies in the caller's subtree, or the plan was issued to a
 * union in the caller's subtree that lies under that owner.
 */
export function ownedRowVisible(ctx: RequestContext, planIdColumn: string, ownerPathColumn: string): Expression<SqlBool> {
  const { from, to } = subtreeRange(requireUser(ctx).org.path);
  return sql<SqlBool>`(${pathInScope(ctx, ownerPathColumn)} or exists (
    select 1 from plans_issue vis where vis.plan_id = ${sql.ref(planIdColumn)} and starts_with(vis.to_path, ${sql.ref(ownerPathColumn)})
      and vis.to_path >= ${from} and vis.to_path < ${to}))`;
}

/**
 * The plan, when the caller may see it; NOT_FOUND otherwise. `lock` serialises
 * writers on it — only for the owner's side, whom row-level security lets
 * write (and so lock) the row.
 */
export async function loadPlan(ctx: RequestContext, id: number, options: { lock?: boolean; field?: string } = {}): Promise<PlanRow> {
  let query = ctx.db
    .selectFrom('plans_plan')
    .select(['id', 'org_unit_id', 'org_path', 'status', 'version'])
    .where('id', '=', id)
    .where(planVisible(ctx, 'plans_plan.id', 'plans_plan.org_path'));
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) {
    const error = notFound('工作部署');
    throw options.field ? new AppError('NOT_FOUND', error.message, { field: options.field }) : error;
  }
  return row;
}

/** How the caller's union stands to the plan. */
export function relationOf(ctx: RequestContext, plan: PlanRow, isRecipient: boolean): TPlanRelation {
  const org = requireUser(ctx).org;
  if (plan.org_unit_id === org.id) return 'owner';
  return isRecipient ? 'recipient' : 'above';
}

/** The caller's subtree holds the plan's owner: it may change what the owner decides (structure, assignment, bindings). */
export const ownsPlanSide = (ctx: RequestContext, ownerPath: string) => ownerPath.startsWith(requireUser(ctx).org.path);

/** Structural edits are the issuing union's (or a union above it). */
export function requireOwnerSide(ctx: RequestContext, plan: PlanRow): void {
  if (!ownsPlanSide(ctx, plan.org_path)) {
    throw new AppError('FORBIDDEN', '只有发文单位可以修改本工作部署的内容');
  }
}

export function requireDraft(plan: PlanRow): void {
  if (plan.status !== 'draft') {
    throw new AppError('CONFLICT', '工作部署已确认，结构不能再修改；如需修改，请在下发前撤回确认', { field: 'status' });
  }
}

export function requireConfirmed(plan: PlanRow, action: string): void {
  if (plan.status !== 'confirmed') {
    throw new AppError('CONFLICT', `工作部署尚未确认，不能${action}：请先核对并确认解析结果`, { field: 'status' });
  }
}

export const STALE_PLAN = '该工作部署已被他人修改，请刷新后重试';

/** The edit started from the current version, or it is refused rather than overwrite someone else's change. */
export function checkVersion(echoed: number | undefined, current: number, message = STALE_PLAN): void {
  if (echoed !== current) throw new AppError('CONFLICT', message, { field: 'version' });
}

/** Every structural change moves the plan's version and time on. */
export async function touchPlan(ctx: RequestContext, plan: PlanRow): Promise<void> {
  await ctx.db
    .updateTable('plans_plan')
    .set({ version: plan.version + 1, updated_at: ctx.now() })
    .where('id', '=', plan.id)
    .execute();
}

/** The draft the caller may restructure, locked, at the version they started from. */
export async function lockDraftForEdit(ctx: RequestContext, planId: number, version: number | undefined): Promise<PlanRow> {
  const seen = await loadPlan(ctx, planId);
  requireOwnerSide(ctx, seen);
  const plan = await loadPlan(ctx, planId, { lock: true });
  requireDraft(plan);
  checkVersion(version, plan.version);
  return plan;
}

/** How the union `orgUnitId` received the plan, or undefined. */
export async function receiptOf(ctx: RequestContext, planId: number, orgUnitId: number) {
  return ctx.db
    .selectFrom('plans_issue')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('to_org_unit_id', '=', orgUnitId)
    .executeTakeFirst();
}

/**
 * The caller's union takes part in the plan: it owns it, or it received it
 * and signed for it (a recipient acts on a plan only after 签收). Answers
 * which, or refuses naming what is missing. Locks the owner's plan row or the
 * recipient's receipt, so two acts of one union on one plan queue (a recipient
 * cannot lock the plan row: row-level security lets only the owner's side
 * write it).
 */
export async function requireParticipant(ctx: RequestContext, plan: PlanRow, action: string): Promise<'owner' | 'recipient'> {
  const org = requireUser(ctx).org;
  if (plan.org_unit_id === org.id) {
    await ctx.db.selectFrom('plans_plan').select('id').where('id', '=', plan.id).forUpdate().execute();
    return 'owner';
  }
  const receipt = await ctx.db
    .selectFrom('plans_issue')
    .select(['id', 'acknowledged_at'])
    .where('plan_id', '=', plan.id)
    .where('to_org_unit_id', '=', org.id)
    .forUpdate()
    .executeTakeFirst();
  if (!receipt) throw new AppError('CONFLICT', `本单位未收到该工作部署，不能${action}`);
  if (!receipt.acknowledged_at) throw new AppError('CONFLICT', `请先签收该工作部署，再${action}`);
  return 'recipient';
}

export type MeasureRow = {
  id: number;
  plan_id: number;
  section_id: number;
  org_unit_id: number;
  org_path: string;
  position: number;
  no: string;
  title: string;
  text: string;
  version: number;
};

/** A measure the caller may see (with its plan); NOT_FOUND otherwise. */
export async function loadMeasure(ctx: RequestContext, id: number, options: { lock?: boolean; field?: string } = {}): Promise<MeasureRow> {
  let query = ctx.db
    .selectFrom('plans_measure')
    .select(['id', 'plan_id', 'section_id', 'org_unit_id', 'org_path', 'position', 'no', 'title', 'text', 'version'])
    .where('id', '=', id)
    .where(ownedRowVisible(ctx, 'plans_measure.plan_id', 'plans_measure.org_path'));
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) {
    const error = notFound('措施');
    throw options.field ? new AppError('NOT_FOUND', error.message, { field: options.field }) : error;
  }
  return row;
}

/** A measure of the document itself (not a recipient's local one). */
export const isLocalMeasure = (measure: { org_unit_id: number }, plan: { org_unit_id: number }) => measure.org_unit_id !== plan.org_unit_id;
