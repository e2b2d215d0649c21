import { describe, expect, it } from 'vitest';
import { assessExitCondition, type IncomeCheckMonth, nextMonth, perCapitaMonthly } from './exit-condition';

const SOURCE = '示例文件';
/** Months from `first`, each with its per-capita figure against a standard of 700 unless given. */
function months(first: string, figures: readonly (number | [number, number])[]): IncomeCheckMonth[] {
  let month = first;
  return figures.map((figure) => {
    const [perCapita, dibao] = Array.isArray(figure) ? figure : [figure, 700];
    const check = { month, perCapitaMonthly: perCapita, dibaoMonthly: dibao, dibaoSource: SOURCE };
    month = nextMonth(month);
    return check;
  });
}

describe('exit condition (脱困: 人均收入连续 N 个月超过低保标准)', () => {
  it('is met at exactly N consecutive months above, naming the months and standards', () => {
    const result = assessExitCondition(months('2026-01-01', [800, 800, 800, 800, 800, 700.01]), 6);
    expect(result.isMet).toBe(true);
    expect(result.months).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    expect(result.reasons[5]).toBe('2026年6月人均 700.01 元 > 当月低保标准 700 元（示例文件）');
    expect(result.reasons.at(-1)).toBe('→ 人均收入连续 6 个月超过当地低保标准（2026年1月至2026年6月），符合脱困条件');
  });

  it('is not met at N − 1 months', () => {
    const result = assessExitCondition(months('2026-02-01', [800, 800, 800, 800, 800]), 6);
    expect(result).toMatchObject({ isMet: false, months: ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'] });
    expect(result.reasons.at(-1)).toBe('→ 人均收入连续超过低保标准 5 个月，不足 6 个月，尚不符合脱困条件');
  });

  it('does not count a month exactly at the standard ("超过" is strict)', () => {
    const result = assessExitCondition(months('2026-01-01', [800, 700, 800, 800, 800, 800, 800]), 6);
    expect(result.isMet).toBe(false);
    expect(result.months).toHaveLength(5);
    expect(result.reasons[0]).toBe('2026年2月人均 700 元，未超过当月低保标准 700 元，连续月数中断');
  });

  it('breaks the run at a month with no check', () => {
    const checks = months('2026-01-01', [800, 800, 800, 800, 800, 800, 800]).filter((check) => check.month !== '2026-04-01');
    const result = assessExitCondition(checks, 6);
    expect(result).toMatchObject({ isMet: false, months: ['2026-05-01', '2026-06-01', '2026-07-01'] });
    expect(result.reasons[0]).toBe('2026年4月没有收入核查记录，连续月数中断');
  });

  it('compares each month with the standard in force then: a raise mid-run breaks a run the old standard would have kept', () => {
    // 750 clears 700 but not the 760 in force from July.
    const raised = months('2026-03-01', [750, 750, 750, 750, [780, 760], [780, 760]]);
    expect(assessExitCondition(raised, 6).isMet).toBe(true);
    const outpaced = months('2026-03-01', [750, 750, 750, 750, [750, 760], [780, 760]]);
    const result = assessExitCondition(outpaced, 6);
    expect(result).toMatchObject({ isMet: false, months: ['2026-08-01'] });
    expect(result.reasons[0]).toBe('2026年7月人均 750 元，未超过当月低保标准 760 元，连续月数中断');
  });

  it('counts across a year end and takes the latest run only', () => {
    const result = assessExitCondition(months('2025-09-01', [600, 800, 800, 800, 800, 800, 800]), 6);
    expect(result).toMatchObject({ isMet: true, months: ['2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01'] });
  });

  it('computes the per-capita figure as the classification does, rounded down to the fen', () => {
    expect(perCapitaMonthly(3000, 1000, 3)).toBe(666.66);
    expect(perCapitaMonthly(2100, 0, 3)).toBe(700);
    expect(perCapitaMonthly(100, 400, 3)).toBe(-100);
  });
});
