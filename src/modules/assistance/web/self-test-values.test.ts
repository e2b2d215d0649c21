import { describe, expect, it } from 'vitest';
import { ZClassifyRequest } from '../contract';
import { toClassifyInput } from './self-test-values';

describe('toClassifyInput (the self-test form to the request)', () => {
  it('counts empty spending as 0 and leaves out what was not chosen, making a valid request', () => {
    const input = toClassifyInput({
      region: '610100',
      year: 2026,
      householdSize: 3,
      annualIncome: 36000,
      rigidExpenses: { medical: 8000, education: null },
      suddenCosts: null,
      suddenEvent: 'none',
      isMigrantWorker: false,
      laborRelationMonths: 5,
      dibao: null,
    });
    expect(input).toEqual({
      region: '610100',
      year: 2026,
      householdSize: 3,
      annualIncome: 36000,
      rigidExpenses: { medical: 8000, education: 0, disability: 0, jobCosts: 0 },
      suddenCosts: 0,
      isMigrantWorker: false,
      exclusions: [],
    });
    expect(ZClassifyRequest.safeParse(input).success).toBe(true);
  });

  it('sends the event, a migrant worker months and a typed standard without a region', () => {
    const input = toClassifyInput({
      region: null,
      year: 2025,
      householdSize: 2,
      annualIncome: 20000,
      suddenEvent: 'major_accident',
      isMigrantWorker: true,
      laborRelationMonths: 14,
      exclusions: ['vehicle'],
      dibao: 650,
    });
    expect(input).toMatchObject({ suddenEvent: 'major_accident', laborRelationMonths: 14, exclusions: ['vehicle'], dibao: 650 });
    expect(input).not.toHaveProperty('region');
    expect(ZClassifyRequest.safeParse(input).success).toBe(true);
  });
});
