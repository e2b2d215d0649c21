import { type Expression, type SqlBool, sql } from 'kysely';
import { AppError } from '../http/errors';

/**
 * Keyset paging for lists of a subtree ordered by union then id — the order
 * of the `(org_path, id)` indexes that personal-data tables keep for their
 * scope. The cursor is the last row's (org_path, id), opaque to the client;
 * the next page starts there with a row comparison, which the index turns
 * into its start key (page 500 costs what page 1 costs, no OFFSET).
 */
export type SubtreeCursor = { path: string; id: number };

export const encodeSubtreeCursor = (cursor: SubtreeCursor): string => Buffer.from(`${cursor.path}|${cursor.id}`).toString('base64url');

/** The cursor a client sent back as `after`; anything else is refused naming that field. */
export function decodeSubtreeCursor(text: string): SubtreeCursor {
  const [path, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (!path || !/^[\d.]+$/.test(path) || !id || !/^\d+$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', '分页参数无效，请从第一页重新查询', { field: 'after' });
  }
  return { path, id: Number(id) };
}

/** Rows after the cursor in (path, id) order, e.g. `afterSubtreeCursor('m.org_path', 'm.id', cursor)`. */
export const afterSubtreeCursor = (pathColumn: string, idColumn: string, cursor: SubtreeCursor): Expression<SqlBool> =>
  sql<SqlBool>`((${sql.ref(pathColumn)}, ${sql.ref(idColumn)}) > (${cursor.path}, ${cursor.id}))`;
