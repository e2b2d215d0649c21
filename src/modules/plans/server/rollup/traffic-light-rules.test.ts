import { describe, expect, it } from 'vitest';
import { judgeMeasure, type MeasureSituation, TRAFFIC_LIGHT_RULES, trafficLightRuleOn } from './traffic-light-rules';

const base: MeasureSituation = { today: '2026-07-01', start: '2026-01-01', deadline: '2026-12-31', completion: null, allMet: false, progress: null, allDone: false };

describe('traffic lights of measures', () => {
  it('is green when every indicator is met, or a qualitative task is reported done — even past the deadline', () => {
    expect(judgeMeasure({ ...base, completion: 100, allMet: true, today: '2027-02-01' })).toMatchObject({ light: 'green', reason: '已完成', isOverdue: false });
    expect(judgeMeasure({ ...base, allDone: true, progress: 'done' })).toMatchObject({ light: 'green', reason: '已完成' });
    // A quantified measure whose units say done but whose figures fall short is not done.
    expect(judgeMeasure({ ...base, completion: 20, allDone: true, progress: 'done' }).light).toBe('red');
  });

  it('is red and overdue past the deadline', () => {
    expect(judgeMeasure({ ...base, today: '2027-01-01', completion: 90 })).toEqual({ light: 'red', reason: '已超过完成时限（2026-12-31）仍未完成', isOverdue: true, isAtRisk: false });
  });

  it('takes the reporting unions’ word on risk before the figures', () => {
    expect(judgeMeasure({ ...base, progress: 'blocked', completion: 90 })).toMatchObject({ light: 'red', isAtRisk: true });
    expect(judgeMeasure({ ...base, progress: 'at_risk', completion: 90 })).toMatchObject({ light: 'amber', isAtRisk: true });
  });

  it('compares the share achieved with the share of time elapsed (时间过半、任务过半)', () => {
    // 1 July is 181 of 364 days: 49.7% of the time.
    expect(judgeMeasure({ ...base, completion: 45, progress: 'on_track' })).toMatchObject({ light: 'green', reason: '进度与时间同步：时间已过 50%，完成 45%' });
    expect(judgeMeasure({ ...base, completion: 35, progress: 'on_track' })).toMatchObject({ light: 'amber', isAtRisk: true });
    expect(judgeMeasure({ ...base, completion: 20, progress: 'on_track' })).toMatchObject({ light: 'red', reason: '进度明显滞后：时间已过 50%，完成 20%' });
  });

  it('warns when nothing was reported and the deadline is near, not before', () => {
    expect(judgeMeasure({ ...base, today: '2026-12-10' })).toMatchObject({ light: 'amber', reason: '距完成时限不足 30 天，尚未报送进展' });
    expect(judgeMeasure({ ...base, today: '2026-11-10' })).toMatchObject({ light: 'green', reason: '尚未报送进展' });
    expect(judgeMeasure({ ...base, deadline: null })).toMatchObject({ light: 'green' });
  });

  it('uses the rule in force on the day, each with its source', () => {
    const later = { ...TRAFFIC_LIGHT_RULES[0]!, effectiveFrom: '2027-01-01', amberLagPoints: 5, source: '示例：2027 年度督查工作方案' };
    expect(trafficLightRuleOn('2026-06-01', [...TRAFFIC_LIGHT_RULES, later]).amberLagPoints).toBe(10);
    expect(trafficLightRuleOn('2027-03-01', [...TRAFFIC_LIGHT_RULES, later]).amberLagPoints).toBe(5);
    expect(TRAFFIC_LIGHT_RULES.every((rule) => rule.source.length > 10)).toBe(true);
  });
});
