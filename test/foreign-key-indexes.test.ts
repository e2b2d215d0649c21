import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/core/db/testing';

/**
 * Rows of these tables are never deleted: a union is dissolved or merged, an account
 * disabled, a person's real-name record kept (their history points at them). References
 * to them need no index for deletion's sake; queries add the ones they need.
 */
const NEVER_DELETED = new Set(['org_unit', 'account', 'person']);

describe('foreign keys', () => {
  it('have an index on the referencing columns wherever the referenced row can be deleted', async () => {
    // Without one, each deleted row makes the database scan the whole referencing table:
    // deleting n rows that reference their own table costs n full scans.
    const database = await createTestDatabase('pglite');
    try {
      const rows = await sql<{ referencing: string; constraint_name: string; referenced: string }>`
        select c.conrelid::regclass::text as referencing, c.conname as constraint_name, c.confrelid::regclass::text as referenced
        from pg_constraint c
        where c.contype = 'f'
          and not exists (
            select 1 from pg_index i
            where i.indrelid = c.conrelid
              and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
              and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
        order by 1, 2`.execute(database.kysely);
      const unindexed = rows.rows.filter((row) => !NEVER_DELETED.has(row.referenced)).map((row) => `${row.referencing}.${row.constraint_name} → ${row.referenced}`);
      expect(unindexed).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
