import { describe, expect, it } from 'vitest';
import { ageOn, healthLabel } from './member-facts';

describe('household member facts', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1980-05-01', '2026-04-30')).toBe(45);
    expect(ageOn('1980-05-01', '2026-05-01')).toBe(46);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('says 良好 without illness or disability, and names both otherwise', () => {
    expect(healthLabel({ illnesses: [], disabilityType: null, disabilityGrade: null })).toBe('良好');
    expect(healthLabel({ illnesses: ['malignant_tumour', 'diabetes'], disabilityType: 'visual', disabilityGrade: 1 })).toBe('恶性肿瘤；糖尿病；视力残疾一级（极重度）');
    expect(healthLabel({ illnesses: [], disabilityType: 'multiple', disabilityGrade: 4 })).toBe('多重残疾四级（轻度）');
  });
});
