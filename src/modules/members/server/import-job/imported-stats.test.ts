import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_FORM_LABELS } from '../../contract';
import { statKeys } from '../stats/stat-keys';
import { type ImportedMember, ImportedStats } from './imported-stats';

const date = fc
  .tuple(fc.integer({ min: 1940, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const member = fc.record({
  unitId: fc.integer({ min: 1, max: 6 }),
  joinedOn: date,
  gender: fc.constantFrom('male' as const, 'female' as const),
  birthDate: date,
  employmentForm: fc.constantFrom(null, ...Object.keys(EMPLOYMENT_FORM_LABELS)),
});

/** What statKeys() counts for these members, unit by unit: the figures ImportedStats must give. */
function expectedCounts(members: ReadonlyArray<ImportedMember & { unitId: number }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { unitId, ...imported } of members) {
    const subject = { orgPath: `${unitId}.`, status: 'active' as const, startedOn: imported.joinedOn, leftOn: null, ...imported };
    for (const key of statKeys(subject)) counts.set(`${unitId}|${key}`, (counts.get(`${unitId}|${key}`) ?? 0) + 1);
  }
  return counts;
}

describe('ImportedStats', () => {
  it('counts what statKeys() counts for a new active membership, unit by unit (property)', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 60 }), (members) => {
        const stats = new ImportedStats();
        for (const { unitId, ...imported } of members) stats.add(unitId, imported);
        const counted = new Map(stats.ownCounts().map((row) => [`${row.unitId}|${row.key}`, row.value]));
        expect(counted).toEqual(expectedCounts(members));
        expect(stats.memberships).toBe(members.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a gig worker the gig key and the joined-form key of their form', () => {
    const stats = new ImportedStats();
    stats.add(7, { joinedOn: '2024-05-01', gender: 'female', birthDate: '2001-12-01', employmentForm: 'courier' });
    stats.add(7, { joinedOn: '2019-03-05', gender: 'male', birthDate: '1971-06-30', employmentForm: null });
    expect(Object.fromEntries(stats.ownCounts().map((row) => [row.key, row.value]))).toEqual({
      members: 2,
      'status:active': 2,
      'in:2024-05': 1,
      'in:2019-03': 1,
      'form:courier': 1,
      'form:': 1,
      'gender:female': 1,
      'gender:male': 1,
      'born:2001': 1,
      'born:1971': 1,
      gig: 1,
      'joined:2024': 1,
      'joined:2019': 1,
      'joined_form:2024:courier': 1,
      'joined_form:2019:': 1,
    });
  });
});
