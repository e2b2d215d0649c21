import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanIssueRow } from '../../contract';

/** How the union `orgUnitId` received the plan (from whom, when, who signed for it), or null. */
export async function findReceipt(ctx: RequestContext, planId: number, orgUnitId: number) {
  const row = await ctx.db
    .selectFrom('plans_issue as i')
    .innerJoin('org_unit as f', 'f.id', 'i.from_org_unit_id')
    .leftJoin('account as a', 'a.id', 'i.acknowledged_by')
    .select(['i.id', 'i.from_org_unit_id', 'f.name as from_name', 'i.issued_at', 'i.acknowledged_at', 'a.name as acknowledged_by_name'])
    .where('i.plan_id', '=', planId)
    .where('i.to_org_unit_id', '=', orgUnitId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    issueId: row.id,
    from: { id: row.from_org_unit_id, name: row.from_name },
    issuedAt: row.issued_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by_name,
  };
}

/** The unions `orgUnitId` issued the plan to, in tree order, with their acknowledgement. */
export async function findIssuesFrom(ctx: RequestContext, planId: number, orgUnitId: number, onlyIds?: readonly number[]): Promise<TPlanIssueRow[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  let query = ctx.db
    .selectFrom('plans_issue as i')
    .innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id')
    .leftJoin('account as b', 'b.id', 'i.issued_by')
    .leftJoin('account as a', 'a.id', 'i.acknowledged_by')
    .select(['i.id', 'o.id as org_id', 'o.name', 'o.type', 'i.issued_at', 'b.name as issued_by_name', 'i.acknowledged_at', 'a.name as acknowledged_by_name'])
    .where('i.plan_id', '=', planId)
    .where('i.from_org_unit_id', '=', orgUnitId);
  if (onlyIds) query = query.where('i.to_org_unit_id', 'in', onlyIds);
  const rows = await query.orderBy('o.path').execute();
  return rows.map((row) => ({
    id: row.id,
    orgUnit: { id: row.org_id, name: row.name, type: row.type },
    issuedAt: row.issued_at.toISOString(),
    issuedBy: row.issued_by_name,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by_name,
  }));
}
