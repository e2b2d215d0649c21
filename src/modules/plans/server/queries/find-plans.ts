import { sql } from 'kysely';
import type { z } from 'zod';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TPlanList, ZPlanListQuery } from '../../contract';
import { planVisible } from '../plan-access';

/**
 * The plans the caller sees: those its union issued (own), those issued to it
 * (received — its inbox, unsigned first), and those of or to unions below it
 * (all). Newest first.
 */
export async function findPlans(ctx: RequestContext, query: z.output<typeof ZPlanListQuery>): Promise<TPlanList> {
  const org = requireUser(ctx).org;
  let rows = ctx.db
    .selectFrom('plans_plan as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
    .leftJoin('plans_issue as r', (join) => join.onRef('r.plan_id', '=', 'p.id').on('r.to_org_unit_id', '=', org.id))
    .leftJoin('org_unit as f', 'f.id', 'r.from_org_unit_id')
    .leftJoin('account as a', 'a.id', 'r.acknowledged_by')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.doc_number',
      'p.status',
      'p.org_unit_id',
      'o.name as org_name',
      'p.created_at',
      'p.updated_at',
      'r.id as issue_id',
      'r.from_org_unit_id',
      'f.name as from_name',
      'r.issued_at',
      'r.acknowledged_at',
      'a.name as acknowledged_by_name',
      eb.selectFrom('plans_measure as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.plan_id', '=', 'p.id').whereRef('m.org_unit_id', '=', 'p.org_unit_id').as('measure_count'),
    ])
    .where(planVisible(ctx, 'p.id', 'p.org_path'));
  if (query.box === 'own') rows = rows.where('p.org_unit_id', '=', org.id);
  if (query.box === 'received') rows = rows.where('r.id', 'is not', null);
  const found = await rows
    .orderBy(sql`case when r.id is not null and r.acknowledged_at is null then 0 else 1 end`)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(500)
    .execute();
  return {
    items: found.map((row) => ({
      id: row.id,
      title: row.title,
      docNumber: row.doc_number,
      status: row.status,
      orgUnit: { id: row.org_unit_id, name: row.org_name },
      relation: row.org_unit_id === org.id ? 'owner' : row.issue_id !== null ? 'recipient' : 'above',
      receipt:
        row.issue_id === null || row.issued_at === null || row.from_org_unit_id === null
          ? null
          : {
              issueId: row.issue_id,
              from: { id: row.from_org_unit_id, name: row.from_name ?? '' },
              issuedAt: row.issued_at.toISOString(),
              acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
              acknowledgedBy: row.acknowledged_by_name,
            },
      measureCount: Number(row.measure_count ?? 0),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    })),
  };
}
