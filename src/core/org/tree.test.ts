import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../db/testing';
import { createOrgUnit } from '../testing/factories';
import { ancestorsOf, childPath, idsOnPath, isWithin, subtreeOf, subtreeRange } from './tree';

describe('org paths', () => {
  it('builds child paths and the subtree range', () => {
    expect(childPath(null, 1)).toBe('1.');
    expect(childPath('1.14.', 203)).toBe('1.14.203.');
    expect(subtreeRange('1.14.')).toEqual({ from: '1.14.', to: '1.14/' });
    expect(() => subtreeRange('1.14')).toThrow();
  });

  it('does not mistake a sibling with a longer id for a descendant', () => {
    expect(isWithin('1.1.', '1.1.5.')).toBe(true);
    expect(isWithin('1.1.', '1.10.')).toBe(false);
    expect(isWithin('1.1.', '1.1.')).toBe(true);
    expect(idsOnPath('1.14.203.')).toEqual([1, 14, 203]);
  });
});

describeEachEngine('org tree queries', (engine) => {
  const database = useFreshDatabase(engine);

  it('selects exactly the subtree, root included, and not units with a common id prefix', async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '省' });
    const cities = [];
    for (let index = 0; index < 11; index += 1) {
      cities.push(await createOrgUnit(db, { parent: province, type: 'city', name: `市${index}` }));
    }
    const first = cities[0]!;
    const county = await createOrgUnit(db, { parent: first, type: 'county', name: '县' });
    const grassroots = await createOrgUnit(db, { parent: county, name: '基层' });
    // A city whose path shares the text prefix of the first city's path ("1.2." vs "1.12.").
    const lookalike = cities.find((city) => city.path.startsWith(first.path.slice(0, -1)) && city !== first);

    const rows = await db.selectFrom('org_unit').select('id').where(subtreeOf('org_unit.path', first.path)).orderBy('id').execute();
    expect(rows.map((row) => row.id)).toEqual([first.id, county.id, grassroots.id]);
    if (lookalike) {
      expect(rows.map((row) => row.id)).not.toContain(lookalike.id);
    }

    const chain = await ancestorsOf(db, grassroots.path);
    expect(chain.map((unit) => unit.name)).toEqual(['省', '市0', '县', '基层']);
  });

  it('answers a subtree query with a range scan of the path index', async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province' });
    await createOrgUnit(db, { parent: province });
    await db.connection().execute(async (connection) => {
      await sql`set enable_seqscan = off`.execute(connection);
      const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from org_unit where ${subtreeOf('org_unit.path', province.path)}`.execute(
        connection,
      );
      await sql`reset enable_seqscan`.execute(connection);
      const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toMatch(/org_unit_path_key/);
      expect(text).toMatch(/Index Cond: \(\(path >= /);
    });
  });
});
