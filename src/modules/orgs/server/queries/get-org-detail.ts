import { inCallerScope } from '../../../../core/access/scope';
import { notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { ancestorsOf, isWithin } from '../../../../core/org/tree';
import type { TOrgDetail } from '../../contract';
import { selectOrgNodes, toOrgNode } from './org-node';

/** One unit with its registry fields and its chain of ancestors, from the caller's own unit down. */
export async function getOrgDetail(ctx: RequestContext, id: number): Promise<TOrgDetail> {
  const row = await selectOrgNodes(ctx.db)
    .leftJoin('org_unit as merged', 'merged.id', 'org_unit.merged_into_id')
    .select([
      'org_unit.depth',
      'org_unit.employer_name',
      'org_unit.employer_credit_code',
      'org_unit.industry_code',
      'org_unit.unit_category',
      'org_unit.address',
      'org_unit.established_on',
      'org_unit.chair_name',
      'org_unit.contact_name',
      'org_unit.contact_phone_masked',
      'org_unit.women_count',
      'org_unit.migrant_count',
      'org_unit.dissolved_on',
      'org_unit.updated_at',
      'merged.id as merged_id',
      'merged.name as merged_name',
      'merged.path as merged_path',
    ])
    .where('org_unit.id', '=', id)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!row) {
    throw notFound('组织');
  }
  const scope = requireUser(ctx).org.path;
  const rootDepth = scope.split('.').length - 2;
  const ancestors = (await ancestorsOf(ctx.db, row.path))
    .filter((unit) => unit.depth >= rootDepth && unit.id !== row.id)
    .map(({ id: ancestorId, name, type }) => ({ id: ancestorId, name, type }));
  return {
    ...toOrgNode(row),
    ancestors,
    depth: row.depth,
    employerName: row.employer_name,
    employerCreditCode: row.employer_credit_code,
    industryCode: row.industry_code,
    unitCategory: row.unit_category,
    address: row.address,
    establishedOn: row.established_on,
    chairName: row.chair_name,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_masked,
    womenCount: row.women_count,
    migrantCount: row.migrant_count,
    dissolvedOn: row.dissolved_on,
    // Named only when the receiving union is in the caller's scope too.
    mergedInto:
      row.merged_id !== null && row.merged_name !== null && row.merged_path !== null && isWithin(scope, row.merged_path)
        ? { id: row.merged_id, name: row.merged_name }
        : null,
    updatedAt: row.updated_at.toISOString(),
  };
}
