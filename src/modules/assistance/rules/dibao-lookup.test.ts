import { describe, expect, it } from 'vitest';
import { type DibaoStandardRow, pickDibaoStandard, regionChain, standardDay } from './dibao-lookup';

const row = (regionCode: string, monthlyYuan: string, effectiveFrom: string, effectiveTo: string | null = null, area = 'urban'): DibaoStandardRow => ({
  regionCode,
  regionName: regionCode,
  area,
  monthlyYuan,
  effectiveFrom,
  effectiveTo,
  source: '测试',
});

describe('regionChain', () => {
  it('goes from a county to its city and province, from a city to its province', () => {
    expect(regionChain('610113')).toEqual(['610113', '610100', '610000']);
    expect(regionChain('610581')).toEqual(['610581', '610500', '610000']);
    expect(regionChain('610100')).toEqual(['610100', '610000']);
    expect(regionChain('610000')).toEqual(['610000']);
  });
});

describe('standardDay', () => {
  it('takes the given date, else 1 July of the year, else of this year', () => {
    expect(standardDay({ date: '2025-03-15', year: 2025 }, '2026-11-21')).toBe('2025-03-15');
    expect(standardDay({ year: 2024 }, '2026-11-21')).toBe('2024-07-01');
    expect(standardDay({}, '2026-11-21')).toBe('2026-07-01');
  });
});

describe('pickDibaoStandard', () => {
  const rows = [
    row('610000', '600.00', '2023-01-01'),
    row('610100', '700.00', '2023-01-01'),
    row('610100', '760.00', '2025-07-01'),
    row('610100', '520.00', '2023-01-01', null, 'rural'),
    row('610113', '800.00', '2024-01-01', '2024-12-31'),
  ];
  const pick = (region: string, day: string, area = 'urban') => pickDibaoStandard(rows, { region, area, day })?.monthlyYuan;

  it('takes the most specific region with a standard in force', () => {
    expect(pick('610113', '2024-07-01')).toBe('800.00');
    expect(pick('610115', '2024-07-01')).toBe('700.00');
    expect(pick('610201', '2024-07-01')).toBe('600.00');
    expect(pick('620100', '2024-07-01')).toBeUndefined();
  });

  it('takes the latest standard that has started: the new one from its first day', () => {
    expect(pick('610100', '2025-06-30')).toBe('700.00');
    expect(pick('610100', '2025-07-01')).toBe('760.00');
    expect(pick('610100', '2022-12-31')).toBeUndefined();
  });

  it('moves up to the city once a county standard has ended (its last day included)', () => {
    expect(pick('610113', '2024-12-31')).toBe('800.00');
    expect(pick('610113', '2025-01-01')).toBe('700.00');
    expect(pick('610113', '2023-06-01')).toBe('700.00');
  });

  it('keeps urban and rural apart', () => {
    expect(pick('610100', '2024-07-01', 'rural')).toBe('520.00');
    expect(pick('610113', '2024-07-01', 'rural')).toBe('520.00');
  });
});
