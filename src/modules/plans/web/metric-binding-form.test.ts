import { describe, expect, it } from 'vitest';
import type { TMetricParam } from '../../../core/metrics/contract';
import { bindingParams, paramFieldOf, paramInputs } from './metric-binding-form';

// The parameters of members.joined as GET /api/metrics describes them.
const JOINED: TMetricParam[] = [
  { name: 'year', label: '入会年份', type: 'integer', required: true, min: 1949, max: 2100 },
  { name: 'employmentForm', label: '就业形态', type: 'enum', required: false, options: [{ value: 'courier', label: '快递员' }] },
];
const NAMED: TMetricParam[] = [{ name: 'keyword', label: '关键词', type: 'string', required: false }];

describe('the metric binding form', () => {
  it('sends integers as numbers and an enum option by its value', () => {
    expect(bindingParams(JOINED, { year: 2023, employmentForm: 'courier' })).toEqual({ year: 2023, employmentForm: 'courier' });
    expect(bindingParams(JOINED, { year: '2023' })).toEqual({ year: 2023 });
  });

  it('omits optional parameters left empty, so the registry sees no empty key', () => {
    expect(bindingParams(JOINED, { year: 2023, employmentForm: undefined })).toEqual({ year: 2023 });
    expect(bindingParams(JOINED, { year: 2023, employmentForm: null })).toEqual({ year: 2023 });
    expect(bindingParams(NAMED, { keyword: '   ' })).toEqual({});
    expect(bindingParams(NAMED, { keyword: ' 快递 ' })).toEqual({ keyword: '快递' });
  });

  it('drops keys the metric does not take and integers that are not numbers', () => {
    expect(bindingParams(JOINED, { year: 'abc', other: 5 })).toEqual({});
    expect(bindingParams(JOINED, { year: '' })).toEqual({});
  });

  it('fills the form from a stored binding, ignoring parameters the metric no longer takes', () => {
    expect(paramInputs(JOINED, { year: 2026, retired: true, old: 'x' })).toEqual({ year: 2026 });
    expect(paramInputs(JOINED, { year: 2026, employmentForm: 'courier' })).toEqual({ year: 2026, employmentForm: 'courier' });
  });

  it('puts a server error on the parameter it names', () => {
    expect(paramFieldOf('params.year', JOINED)).toBe('year');
    expect(paramFieldOf('params.unknown', JOINED)).toBeUndefined();
    expect(paramFieldOf('metricId', JOINED)).toBeUndefined();
    expect(paramFieldOf(undefined, JOINED)).toBeUndefined();
  });
});
