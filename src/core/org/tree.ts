import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The org tree is stored as a materialized path of ids: the province is "1.",
 * a city under it "1.14.", a county "1.14.203.". Paths are compared in the C
 * collation, where '.' (0x2E) is followed by '/' (0x2F), so the subtree of
 * "1.14." is exactly the index range ["1.14.", "1.14/").
 */
export const childPath = (parentPath: string | null, id: number) => `${parentPath ?? ''}${id}.`;

export function subtreeRange(rootPath: string): { from: string; to: string } {
  if (!rootPath.endsWith('.')) {
    throw new Error(`not an org path: ${rootPath}`);
  }
  return { from: rootPath, to: `${rootPath.slice(0, -1)}/` };
}

/**
 * A WHERE condition: the row's path column lies in the subtree of `rootPath`
 * (the root included). An index range scan on `org_unit.path`.
 *
 * @example
 * db.selectFrom('org_unit').where(subtreeOf('org_unit.path', user.org.path))
 */
export function subtreeOf(pathColumn: string, rootPath: string): Expression<SqlBool> {
  const { from, to } = subtreeRange(rootPath);
  return sql<SqlBool>`(${sql.ref(pathColumn)} >= ${from} and ${sql.ref(pathColumn)} < ${to})`;
}

/** True when `path` is `rootPath` itself or lies under it. */
export const isWithin = (rootPath: string, path: string) => path.startsWith(rootPath);

/** The ids on a path, root first. */
export const idsOnPath = (path: string) => path.split('.').filter(Boolean).map(Number);

export type OrgUnitSummary = { id: number; name: string; type: string; code: string; depth: number };

/** The units from the root down to (and including) the unit at `path`. */
export async function ancestorsOf(db: Kysely<DB>, path: string): Promise<OrgUnitSummary[]> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'type', 'code', 'depth'])
    .where('id', 'in', idsOnPath(path))
    .orderBy('depth')
    .execute();
}
