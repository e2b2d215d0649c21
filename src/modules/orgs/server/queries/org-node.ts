import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { TOrgNode } from '../../contract';

/** Selects org units in the shape of ZOrgNode (children counted through the parent index). */
export const selectOrgNodes = (db: Kysely<DB>) =>
  db
    .selectFrom('org_unit')
    .select([
      'org_unit.id',
      'org_unit.parent_id',
      'org_unit.name',
      'org_unit.short_name',
      'org_unit.type',
      'org_unit.code',
      'org_unit.credit_code',
      'org_unit.region_code',
      'org_unit.employee_count',
      'org_unit.status',
      'org_unit.path',
      'org_unit.sort_order',
      sql<number>`(select count(*) from org_unit as child where child.parent_id = org_unit.id)`.as('child_count'),
    ]);

type OrgNodeRow = {
  id: number;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  type: string;
  code: string;
  credit_code: string | null;
  region_code: string | null;
  employee_count: number | null;
  status: string;
  child_count: number;
};

export const toOrgNode = (row: OrgNodeRow): TOrgNode => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  shortName: row.short_name,
  type: row.type,
  code: row.code,
  creditCode: row.credit_code,
  regionCode: row.region_code,
  employeeCount: row.employee_count,
  status: row.status,
  childCount: Number(row.child_count),
});
