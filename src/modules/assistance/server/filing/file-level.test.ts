import { describe, expect, it } from 'vitest';
import { fileLevelOf } from './file-level';

/** 档案级别 at filing (总工办〔2016〕36号): 全国级 below 低保, or up to 1.5 × 低保 with an illness or disability; else the checking union's level. */
describe('file level at filing', () => {
  const base = { tier: 'relative' as const, perCapitaMonthly: 1000, dibaoMonthly: 700, hasIllnessOrDisability: false, checkLevel: 'county' as const, nationalMultiple: 1.5 };

  it('files a 深度困难 household at national level, whoever checked', () => {
    expect(fileLevelOf({ ...base, tier: 'deep', perCapitaMonthly: 699.99, checkLevel: 'city' })).toBe('national');
  });

  it('files a household up to 1.5 × 低保 at national level only with an illness or disability, to the fen', () => {
    expect(fileLevelOf({ ...base, perCapitaMonthly: 1050, hasIllnessOrDisability: true })).toBe('national');
    expect(fileLevelOf({ ...base, perCapitaMonthly: 1050.01, hasIllnessOrDisability: true })).toBe('county');
    expect(fileLevelOf({ ...base, perCapitaMonthly: 1050, hasIllnessOrDisability: false })).toBe('county');
  });

  it('otherwise files at the level of the union that checked the finances (county when unknown)', () => {
    expect(fileLevelOf({ ...base, tier: 'accident', perCapitaMonthly: 3000, checkLevel: 'city' })).toBe('city');
    expect(fileLevelOf({ ...base, checkLevel: 'county' })).toBe('county');
    expect(fileLevelOf({ ...base, checkLevel: null })).toBe('county');
  });
});
