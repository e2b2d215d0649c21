import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { PLANS_ISSUE, PLANS_WRITE, type TPlanDetail } from '../../contract';
import { loadPlan, ownsPlanSide, relationOf } from '../plan-access';
import { findIssuesFrom, findReceipt } from './plan-issues';
import { countSections, loadPlanTree, treeMeasures } from './plan-tree';

/**
 * A plan as the review and tracking screens need it: the document's meta and
 * original text beside the parsed tree (sections, measures with their
 * assignment, indicators with their source sentences and bindings), how the
 * viewer's union received it, whom it issued it to, and what the viewer may do.
 */
export async function getPlanDetail(ctx: RequestContext, id: number): Promise<TPlanDetail> {
  const user = requireUser(ctx);
  const plan = await loadPlan(ctx, id);
  const row = await ctx.db
    .selectFrom('plans_plan as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
    .leftJoin('account as c', 'c.id', 'p.confirmed_by')
    .select([
      'p.id',
      'p.status',
      'p.version',
      'p.org_unit_id',
      'o.name as org_name',
      'p.title',
      'p.issuer',
      'p.doc_number',
      'p.doc_date',
      'p.recipients',
      'p.notice_title',
      'p.original_text',
      'p.source_kind',
      'p.source_file_name',
      'p.created_at',
      'p.updated_at',
      'p.confirmed_at',
      'c.name as confirmed_by_name',
    ])
    .where('p.id', '=', plan.id)
    .executeTakeFirstOrThrow();
  const [sections, receipt, issues] = await Promise.all([
    loadPlanTree(ctx, plan),
    findReceipt(ctx, plan.id, user.org.id),
    findIssuesFrom(ctx, plan.id, user.org.id),
  ]);
  const measures = treeMeasures(sections);
  const relation = relationOf(ctx, plan, receipt !== null);
  const confirmed = plan.status === 'confirmed';
  const mayWrite = user.permissions.has(PLANS_WRITE);
  const mayIssue = user.permissions.has(PLANS_ISSUE);
  const ownerSide = ownsPlanSide(ctx, plan.org_path);
  const signed = relation === 'owner' || (receipt !== null && receipt.acknowledgedAt !== null);
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    orgUnit: { id: row.org_unit_id, name: row.org_name },
    meta: {
      title: row.title,
      issuer: row.issuer,
      docNumber: row.doc_number,
      date: row.doc_date,
      recipients: (row.recipients as string[] | null) ?? [],
      noticeTitle: row.notice_title,
    },
    source: { kind: row.source_kind, fileName: row.source_file_name, text: row.original_text },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    confirmedBy: row.confirmed_by_name,
    counts: {
      sections: countSections(sections),
      measures: measures.length,
      indicators: measures.reduce((sum, measure) => sum + measure.indicators.length, 0),
    },
    sections,
    viewer: {
      orgUnit: { id: user.org.id, name: user.org.name },
      relation,
      receipt,
      can: {
        editStructure: !confirmed && mayWrite && ownerSide,
        assign: mayWrite && ownerSide,
        issue: confirmed && mayIssue && signed,
        acknowledge: confirmed && mayIssue && receipt !== null && receipt.acknowledgedAt === null,
        allocate: confirmed && mayIssue && signed,
        addLocalMeasure: confirmed && mayWrite && relation === 'recipient' && signed,
        report: confirmed && mayWrite && relation === 'recipient' && signed,
      },
    },
    issues,
  };
}
