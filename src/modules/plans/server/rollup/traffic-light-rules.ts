import type { TProgressStatus, TTrafficLight } from '../../contract';

/**
 * The traffic light of a measure at one union (督查: which measures to chase).
 *
 * Reasoning, in the order the rules apply:
 * 1. Done is green: every indicator met its target (by its comparator), or —
 *    for a qualitative task — the latest reports say 已完成.
 * 2. Past the deadline and not done is red, flagged overdue (逾期): the basis
 *    for 督办.
 * 3. What the reporting unions say comes next: 推进受阻 is red, 存在风险 amber,
 *    both flagged at risk — they know before the figures show it.
 * 4. Quantified measures are judged by 时间过半、任务过半, the rule of thumb of
 *    government supervision: the share of the target achieved should keep up
 *    with the share of the time elapsed (from issue to deadline). Trailing by
 *    more than `amberLagPoints` percentage points is amber, by more than
 *    `redLagPoints` red.
 * 5. Nothing reported while the deadline is near (`dueSoonDays`) is amber.
 * 6. Otherwise green.
 *
 * The thresholds are policy, so they live in this dated table with their
 * source; a province's annual supervision plan (年度督查工作方案) may set others
 * from a date on.
 */
export type TrafficLightRule = {
  effectiveFrom: string;
  source: string;
  amberLagPoints: number;
  redLagPoints: number;
  dueSoonDays: number;
};

export const TRAFFIC_LIGHT_RULES: readonly TrafficLightRule[] = [
  {
    effectiveFrom: '2026-01-01',
    source: '本平台默认口径：按“时间过半、任务过半”的督查惯例设定，进度落后时间 10 个百分点预警、25 个百分点滞后，临近时限 30 天未报送预警；以省总年度督查工作方案为准',
    amberLagPoints: 10,
    redLagPoints: 25,
    dueSoonDays: 30,
  },
];

/** The rule in force on `day` (YYYY-MM-DD): the latest that took effect by then. */
export function trafficLightRuleOn(day: string, rules: readonly TrafficLightRule[] = TRAFFIC_LIGHT_RULES): TrafficLightRule {
  const inForce = [...rules].filter((rule) => rule.effectiveFrom <= day).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return inForce ?? [...rules].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
}

export type MeasureSituation = {
  /** Today, Beijing (YYYY-MM-DD). */
  today: string;
  /** When the time started to run: the plan's confirmation day. */
  start: string | null;
  deadline: string | null;
  /** Mean completion of the indicators with a target, 0–100 (capped); null when none. */
  completion: number | null;
  /** Whether the measure has indicators and all of them met their targets. */
  allMet: boolean;
  /** The worst stated progress among the latest reports; null when nobody reported. */
  progress: TProgressStatus | null;
  /** Every union that reported says done. */
  allDone: boolean;
};

export type MeasureJudgement = { light: TTrafficLight; reason: string; isOverdue: boolean; isAtRisk: boolean };

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function judgeMeasure(situation: MeasureSituation, rule: TrafficLightRule = trafficLightRuleOn(situation.today)): MeasureJudgement {
  const { today, start, deadline, completion, progress } = situation;
  const done = situation.allMet || (completion === null && situation.allDone);
  if (done) return { light: 'green', reason: '已完成', isOverdue: false, isAtRisk: false };
  if (deadline !== null && today > deadline) {
    return { light: 'red', reason: `已超过完成时限（${deadline}）仍未完成`, isOverdue: true, isAtRisk: false };
  }
  if (progress === 'blocked') return { light: 'red', reason: '填报单位报告推进受阻', isOverdue: false, isAtRisk: true };
  if (progress === 'at_risk') return { light: 'amber', reason: '填报单位报告存在风险', isOverdue: false, isAtRisk: true };
  if (completion !== null && deadline !== null && start !== null && deadline > start) {
    const elapsed = Math.min(100, Math.max(0, (days(start, today) / days(start, deadline)) * 100));
    const lag = elapsed - completion;
    const figures = `时间已过 ${elapsed.toFixed(0)}%，完成 ${completion.toFixed(0)}%`;
    if (lag > rule.redLagPoints) return { light: 'red', reason: `进度明显滞后：${figures}`, isOverdue: false, isAtRisk: true };
    if (lag > rule.amberLagPoints) return { light: 'amber', reason: `进度落后于时间：${figures}`, isOverdue: false, isAtRisk: true };
    return { light: 'green', reason: `进度与时间同步：${figures}`, isOverdue: false, isAtRisk: false };
  }
  if (progress === null && deadline !== null && days(today, deadline) <= rule.dueSoonDays) {
    return { light: 'amber', reason: `距完成时限不足 ${rule.dueSoonDays} 天，尚未报送进展`, isOverdue: false, isAtRisk: true };
  }
  return { light: 'green', reason: progress === null ? '尚未报送进展' : '正常推进', isOverdue: false, isAtRisk: false };
}
