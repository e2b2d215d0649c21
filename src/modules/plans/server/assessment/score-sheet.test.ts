import { describe, expect, it } from 'vitest';
import type { TAssessmentRule } from '../../assessment-contract';
import { buildScoreSheet, rankByTotal, scoreRule, type SheetInputs } from './score-sheet';
import { sampleTree } from './sample-tree';

const inputs = (over: Partial<{ figure: { target: number | null; achieved: number | null }; entries: Record<string, number>; adjustments: Record<string, number> }> = {}): SheetInputs => ({
  indicator: () => over.figure,
  entry: (key) => over.entries?.[key] ?? null,
  adjustment: (key) => {
    const delta = over.adjustments?.[key];
    return delta === undefined ? { deltaHundredths: 0, reason: null, log: [] } : { deltaHundredths: Math.round(delta * 100), reason: '核实后调整', log: [{ delta, reason: '核实后调整', by: '张三', at: '2026-07-01T00:00:00.000Z' }] };
  },
});
const score = (rule: TAssessmentRule, over: Parameters<typeof inputs>[0]) => scoreRule(rule, inputs(over)).hundredths / 100;

describe('scoring rules', () => {
  const indicator: TAssessmentRule = { key: 'r', title: '完成率', description: '', kind: 'indicator', weight: 20, indicatorId: 1, cap: 1 };
  it('indicator: weight × min(achieved ÷ target, cap), at and around the target', () => {
    expect(score(indicator, { figure: { target: 25, achieved: 17 } })).toBe(13.6);
    expect(score(indicator, { figure: { target: 25, achieved: 24.99 } })).toBe(19.99);
    expect(score(indicator, { figure: { target: 25, achieved: 25 } })).toBe(20);
    expect(score(indicator, { figure: { target: 25, achieved: 30 } })).toBe(20);
    expect(score({ ...indicator, cap: 1.2 }, { figure: { target: 25, achieved: 30 } })).toBe(24);
    expect(score({ ...indicator, cap: 1.2 }, { figure: { target: 25, achieved: 31 } })).toBe(24);
    expect(score(indicator, { figure: { target: 3, achieved: 1 } })).toBe(6.67);
  });
  it('indicator: no target or nothing achieved scores 0 and says why', () => {
    expect(scoreRule(indicator, inputs({ figure: { target: null, achieved: 5 } }))).toEqual({ hundredths: 0, basis: '该单位没有此指标的目标（未分解），按 0 分计', needsEntry: false });
    expect(scoreRule(indicator, inputs({ figure: { target: 25, achieved: null } })).basis).toBe('目标 25，暂无完成数据，按 0 分计');
    expect(scoreRule(indicator, inputs({ figure: { target: 25, achieved: 17 } })).basis).toBe('完成 17 / 目标 25（完成率 68.00%，超出部分不计）');
  });

  const bands: TAssessmentRule = { key: 'b', title: '完成率分档', description: '', kind: 'bands', weight: 10, basis: 'completion', indicatorId: 1, bands: [{ atLeast: 100, points: 10 }, { atLeast: 80, points: 6 }, { atLeast: 60, points: 3 }] };
  it('bands: the first threshold reached (≥), exactly at each edge and a hair below', () => {
    expect(score(bands, { figure: { target: 25, achieved: 25 } })).toBe(10);
    expect(score(bands, { figure: { target: 25, achieved: 24.99 } })).toBe(6);
    expect(score(bands, { figure: { target: 25, achieved: 20 } })).toBe(6);
    expect(score(bands, { figure: { target: 25, achieved: 19.99 } })).toBe(3);
    expect(score(bands, { figure: { target: 25, achieved: 15 } })).toBe(3);
    expect(score(bands, { figure: { target: 25, achieved: 14.99 } })).toBe(0);
    expect(scoreRule(bands, inputs({ figure: { target: 25, achieved: 14.99 } })).basis).toBe('完成率 59.96%，未达到最低档（≥ 60）');
    const entered: TAssessmentRule = { ...bands, basis: 'entered', indicatorId: null };
    expect(scoreRule(entered, inputs({}))).toEqual({ hundredths: 0, basis: '待录入实测值', needsEntry: true });
    expect(score(entered, { entries: { b: 80 } })).toBe(6);
    expect(score(entered, { entries: { b: 79.99 } })).toBe(3);
    expect(score({ ...bands, basis: 'achieved' }, { figure: { target: 25, achieved: 80 } })).toBe(6);
  });

  it('manual: the entered score; none yet waits for the reviewer', () => {
    const manual: TAssessmentRule = { key: 'm', title: '人工', description: '', kind: 'manual', weight: 8.5 };
    expect(scoreRule(manual, inputs({}))).toEqual({ hundredths: 0, basis: '待评分', needsEntry: true });
    expect(score(manual, { entries: { m: 8.5 } })).toBe(8.5);
    expect(score(manual, { entries: { m: 0 } })).toBe(0);
    expect(score(manual, { entries: { m: 9 } })).toBe(8.5);
  });

  it('bonus and deduction: count × points up to the ceiling, negative for a deduction', () => {
    const bonus: TAssessmentRule = { key: 'p', title: '加分', description: '', kind: 'bonus', weight: 3, pointsEach: 1 };
    expect(score(bonus, { entries: { p: 2 } })).toBe(2);
    expect(score(bonus, { entries: { p: 3 } })).toBe(3);
    expect(scoreRule(bonus, inputs({ entries: { p: 4 } }))).toEqual({ hundredths: 300, basis: '4 项 × 1 分，按上限加 3 分', needsEntry: false });
    const deduction: TAssessmentRule = { key: 'q', title: '扣分', description: '', kind: 'deduction', weight: 5, pointsEach: 2.5 };
    expect(score(deduction, { entries: { q: 1 } })).toBe(-2.5);
    expect(score(deduction, { entries: { q: 3 } })).toBe(-5);
    expect(score({ ...deduction, pointsEach: null }, { entries: { q: 1.25 } })).toBe(-1.25);
    expect(score(deduction, {})).toBe(0);
  });
});

describe('score sheet', () => {
  it('totals items and dimensions in hundredths: computed, adjustment and final side by side', () => {
    // r1 25.5 × 1/3 = 8.5; r2 10.3 entered 7.1; r3 measured 60 → 2.1; r4 bonus 1 × 1 = 1; r5 60 entered 33.3; r6 1 × 2.5 deducted.
    const sheet = buildScoreSheet(sampleTree(), { id: 7, name: '西安市总工会' }, inputs({ figure: { target: 3, achieved: 1 }, entries: { r2: 7.1, r3: 60, r4: 1, r5: 33.3, r6: 1 }, adjustments: { i2: -0.3 } }));
    const [d1, d2] = sheet.dimensions;
    expect(d1!.items.map((item) => [item.computed, item.adjustment, item.final, item.reason])).toEqual([
      [8.5, 0, 8.5, null],
      [10.2, -0.3, 9.9, '核实后调整'],
    ]);
    expect([d1!.computed, d1!.adjustment, d1!.final]).toEqual([18.7, -0.3, 18.4]);
    expect([d2!.computed, d2!.final]).toEqual([30.8, 30.8]);
    // 18.7 + 30.8 = 49.5 exactly; as floats 8.5 + 10.2 + 30.8 − 0.3 would print 49.2 only by luck.
    expect([sheet.computed, sheet.adjustment, sheet.total]).toEqual([49.5, -0.3, 49.2]);
  });

  it('ranks by total with ties sharing a rank (1, 2, 2, 4)', () => {
    const rows = [
      { name: '甲', total: 80.1 },
      { name: '乙', total: 90 },
      { name: '丙', total: 80.1 },
      { name: '丁', total: 70.3 },
    ];
    expect(rankByTotal(rows, (a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((row) => [row.name, row.rank])).toEqual([
      ['乙', 1],
      ['丙', 2],
      ['甲', 2],
      ['丁', 4],
    ]);
    expect(rankByTotal([{ total: 0.1 + 0.2 }, { total: 0.3 }], () => 0).map((row) => row.rank)).toEqual([1, 1]);
  });
});
