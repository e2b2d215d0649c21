import type { RequestContext } from '../../../../core/http/request-context';
import type { TReportRow } from '../../contract';
import { pathInScope } from '../plan-access';

const rowsQuery = (ctx: RequestContext) =>
  ctx.db
    .selectFrom('plans_report as r')
    .innerJoin('plans_measure as m', 'm.id', 'r.measure_id')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .innerJoin('org_unit as v', 'v.id', 'r.reviewer_org_unit_id')
    .select((eb) => [
      'r.id',
      'r.plan_id',
      'r.measure_id',
      'm.no',
      'm.title',
      'r.org_unit_id',
      'o.name as org_name',
      'r.reviewer_org_unit_id',
      'v.name as reviewer_name',
      'r.period',
      'r.progress',
      'r.state',
      'r.version',
      'r.submitted_at',
      'r.accepted_at',
      'r.updated_at',
      eb.selectFrom('plans_evidence as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.report_id', '=', 'r.id').as('evidence_count'),
    ])
    .where(pathInScope(ctx, 'r.org_path'));

type RowsQuery = ReturnType<typeof rowsQuery>;

/** Report rows in the caller's subtree, narrowed by `where`, in tree and period order. */
export async function reportRows(ctx: RequestContext, where: (query: RowsQuery) => RowsQuery): Promise<TReportRow[]> {
  const rows = await where(rowsQuery(ctx)).orderBy('o.path').orderBy('r.period_start').orderBy('r.id').execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    measure: { id: row.measure_id, no: row.no, title: row.title },
    orgUnit: { id: row.org_unit_id, name: row.org_name },
    reviewer: { id: row.reviewer_org_unit_id, name: row.reviewer_name },
    period: row.period,
    progress: row.progress,
    state: row.state,
    version: row.version,
    evidenceCount: Number(row.evidence_count ?? 0),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  }));
}
