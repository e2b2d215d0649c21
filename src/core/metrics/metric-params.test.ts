import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMetric } from './define-metric';
import { describeMetricParams, metricEnumParam, metricParamLabel } from './metric-params';
import { collectMetrics } from './metric-registry';

const metric = (id: string, params: z.ZodObject = z.object({})) =>
  defineMetric({ id, label: '测试指标', unit: '人', description: '测试', permission: 'test.read', params, compute: async () => 0 });

describe('metric parameters described for a binding form', () => {
  it('describes integers with their bounds, strings, and enums with Chinese option labels', () => {
    const params = z.object({
      year: z.number().int().min(1949).max(2100).describe('入会年份'),
      keyword: z.string().describe('关键词'),
      form: metricEnumParam({ standard: '劳动合同制', courier: '快递员' }, '就业形态'),
      level: z.enum(['a', 'b']).describe('级别'),
    });
    expect(describeMetricParams('test.all', params)).toEqual([
      { name: 'year', label: '入会年份', type: 'integer', required: true, min: 1949, max: 2100 },
      { name: 'keyword', label: '关键词', type: 'string', required: true },
      { name: 'form', label: '就业形态', type: 'enum', required: true, options: [{ value: 'standard', label: '劳动合同制' }, { value: 'courier', label: '快递员' }] },
      // A plain enum has no labels: the options show their values.
      { name: 'level', label: '级别', type: 'enum', required: true, options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }] },
    ]);
  });

  it('marks optional and defaulted parameters as not required, with the label set inside or outside the wrapper', () => {
    const params = z.object({
      outside: z.number().int().optional().describe('外层名称'),
      inside: z.string().describe('内层名称').optional(),
      defaulted: z.number().int().default(2023).describe('默认年份'),
      optionalEnum: metricEnumParam({ x: '甲' }, '类别').optional(),
      z4int: z.int().describe('z.int 整数'),
    });
    expect(describeMetricParams('test.optional', params)).toEqual([
      { name: 'outside', label: '外层名称', type: 'integer', required: false },
      { name: 'inside', label: '内层名称', type: 'string', required: false },
      { name: 'defaulted', label: '默认年份', type: 'integer', required: false },
      { name: 'optionalEnum', label: '类别', type: 'enum', required: false, options: [{ value: 'x', label: '甲' }] },
      // .int() and z.int() imply the safe-integer range: no bounds worth showing.
      { name: 'z4int', label: 'z.int 整数', type: 'integer', required: true },
    ]);
  });

  it('keeps the option labels when the enum is renamed with describe()', () => {
    const params = z.object({ form: metricEnumParam({ courier: '快递员' }, '旧名').describe('就业形态') });
    expect(describeMetricParams('test.renamed', params)[0]).toMatchObject({ label: '就业形态', options: [{ value: 'courier', label: '快递员' }] });
    expect(metricParamLabel(params, 'form')).toBe('就业形态');
    expect(metricParamLabel(params, 'missing')).toBe('missing');
  });

  it('refuses parameters a form cannot render, and parameters without a Chinese label', () => {
    expect(() => describeMetricParams('test.float', z.object({ ratio: z.number().describe('比例') }))).toThrow(/test\.float.*ratio（比例）类型不受支持/);
    expect(() => describeMetricParams('test.bool', z.object({ flag: z.boolean().describe('开关') }))).toThrow(/类型不受支持/);
    expect(() => describeMetricParams('test.date', z.object({ on: z.date().describe('日期') }))).toThrow(/类型不受支持/);
    expect(() => describeMetricParams('test.nolabel', z.object({ year: z.number().int() }))).toThrow(/test\.nolabel 的参数 year 缺少中文名称/);
  });
});

describe('the metric registry at start-up', () => {
  it('collects the modules\' metrics by id, in manifest order', () => {
    const registry = collectMetrics([
      { id: 'a', metrics: [metric('a.one'), metric('a.two')] },
      { id: 'b' },
      { id: 'c', metrics: [metric('c.one')] },
    ]);
    expect([...registry.keys()]).toEqual(['a.one', 'a.two', 'c.one']);
  });

  it('refuses two metrics with one id, naming both modules', () => {
    expect(() => collectMetrics([{ id: 'a', metrics: [metric('x.count')] }, { id: 'b', metrics: [metric('x.count')] }])).toThrow(
      '统计指标 x.count 重复声明（模块 a 与 b）',
    );
  });

  it('refuses a metric whose parameters a binding form cannot render', () => {
    expect(() => collectMetrics([{ id: 'a', metrics: [metric('a.float', z.object({ ratio: z.number().describe('比例') }))] }])).toThrow(/类型不受支持/);
  });

  it('refuses a metric id that is not module.name', () => {
    expect(() => metric('Members total')).toThrow(/module\.name/);
    expect(() => metric('members')).toThrow(/module\.name/);
    expect(metric('members.join_rate').id).toBe('members.join_rate');
  });
});
