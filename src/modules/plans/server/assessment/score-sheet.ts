import type { TAssessmentRule, TAssessmentTree, TScoreSheet } from '../../assessment-contract';
import { decimalAtLeast, formatHundredths, fromHundredths, percentHundredths, ratioAtLeastPercent, scaledShare, toHundredths } from './fixed-point';
import { isExtraRule } from './validate-scheme';

/** An indicator at one union, as the plan's roll-up gives it (target: its share; achieved: its subtree's). */
export type IndicatorFigure = { target: number | null; achieved: number | null };

export type SheetInputs = {
  /** The roll-up's figure of an indicator at the unit; undefined when the roll-up has none for it. */
  indicator: (indicatorId: number) => IndicatorFigure | undefined;
  /** The reviewer's entry for a rule, or null. */
  entry: (ruleKey: string) => number | null;
  /** The item's standing adjustment in hundredths and its reason, with the log. */
  adjustment: (itemKey: string) => { deltaHundredths: number; reason: string | null; log: { delta: number; reason: string; by: string | null; at: string }[] };
};

type RuleResult = { hundredths: number; basis: string; needsEntry: boolean };

const num = (value: number) => String(value);

/** A rule measured against an indicator's target: no target or nothing achieved yet scores 0, and says why. */
function figureOf(rule: { indicatorId: number | null }, inputs: SheetInputs): IndicatorFigure | string {
  if (rule.indicatorId === null) return '未选择指标，按 0 分计';
  const figure = inputs.indicator(rule.indicatorId);
  if (!figure || figure.target === null) return '该单位没有此指标的目标（未分解），按 0 分计';
  if (figure.achieved === null) return `目标 ${num(figure.target)}，暂无完成数据，按 0 分计`;
  return figure;
}

/** One scoring rule at one union, in hundredths (negative for a deduction). */
export function scoreRule(rule: TAssessmentRule, inputs: SheetInputs): RuleResult {
  const weight = toHundredths(rule.weight);
  switch (rule.kind) {
    case 'indicator': {
      // 得分 = 分值 × min(完成数 ÷ 目标, 上限).
      const figure = figureOf(rule, inputs);
      if (typeof figure === 'string') return { hundredths: 0, basis: figure, needsEntry: false };
      if (figure.target! <= 0) return { hundredths: weight, basis: `目标为 0，视为完成`, needsEntry: false };
      const hundredths = scaledShare(weight, figure.achieved!, figure.target!, rule.cap);
      const rate = formatHundredths(percentHundredths(figure.achieved!, figure.target!));
      return { hundredths, basis: `完成 ${num(figure.achieved!)} / 目标 ${num(figure.target!)}（完成率 ${rate}%${rule.cap > 1 ? `，最高按 ${num(rule.cap * 100)}% 计` : '，超出部分不计'}）`, needsEntry: false };
    }
    case 'bands': {
      let reaches: (atLeast: number) => boolean;
      let shown: string;
      if (rule.basis === 'entered') {
        const value = inputs.entry(rule.key);
        if (value === null) return { hundredths: 0, basis: '待录入实测值', needsEntry: true };
        reaches = (atLeast) => decimalAtLeast(value, atLeast);
        shown = `实测值 ${num(value)}`;
      } else {
        const figure = figureOf(rule, inputs);
        if (typeof figure === 'string') return { hundredths: 0, basis: figure, needsEntry: false };
        const { achieved, target } = figure as { achieved: number; target: number };
        if (rule.basis === 'achieved') {
          reaches = (atLeast) => decimalAtLeast(achieved, atLeast);
          shown = `完成 ${num(achieved)}`;
        } else {
          reaches = (atLeast) => (target > 0 ? ratioAtLeastPercent(achieved, target, atLeast) : true);
          shown = target > 0 ? `完成率 ${formatHundredths(percentHundredths(achieved, target))}%` : '目标为 0，视为完成';
        }
      }
      const band = rule.bands.find((candidate) => reaches(candidate.atLeast));
      if (!band) return { hundredths: 0, basis: `${shown}，未达到最低档（≥ ${num(rule.bands[rule.bands.length - 1]!.atLeast)}）`, needsEntry: false };
      return { hundredths: toHundredths(band.points), basis: `${shown}，达到「≥ ${num(band.atLeast)}」档`, needsEntry: false };
    }
    case 'manual': {
      const value = inputs.entry(rule.key);
      if (value === null) return { hundredths: 0, basis: '待评分', needsEntry: true };
      const entered = toHundredths(value);
      // Entries are checked against the weight when made; a weight lowered since caps them, and says so.
      if (entered > weight) return { hundredths: weight, basis: `评分 ${num(value)} 超过现行分值，按满分计`, needsEntry: false };
      return { hundredths: entered, basis: `评分人评分`, needsEntry: false };
    }
    case 'bonus':
    case 'deduction': {
      const value = inputs.entry(rule.key);
      const sign = rule.kind === 'bonus' ? 1 : -1;
      const verb = rule.kind === 'bonus' ? '加' : '扣';
      if (value === null) return { hundredths: 0, basis: `未录入，不${verb}分`, needsEntry: false };
      const raw = rule.pointsEach === null ? toHundredths(value) : toHundredths(value) * toHundredths(rule.pointsEach) / 100;
      const capped = Math.min(Math.round(raw), weight);
      const how = rule.pointsEach === null ? `${verb} ${num(value)} 分` : `${num(value)} 项 × ${num(rule.pointsEach)} 分`;
      return { hundredths: sign * capped, basis: capped < raw ? `${how}，按上限${verb} ${num(rule.weight)} 分` : how, needsEntry: false };
    }
  }
}

/** One union's score sheet (评分表): every item's computed score, adjustment, reason and final; totals per dimension. */
export function buildScoreSheet(tree: TAssessmentTree, orgUnit: { id: number; name: string }, inputs: SheetInputs): Omit<TScoreSheet, 'rank'> {
  let computed = 0;
  let adjustment = 0;
  const dimensions = tree.map((dimension) => {
    let dComputed = 0;
    let dAdjustment = 0;
    const items = dimension.items.map((item) => {
      const rules = item.rules.map((rule) => {
        const result = scoreRule(rule, inputs);
        return {
          key: rule.key,
          title: rule.title,
          kind: rule.kind,
          weight: rule.weight,
          basis: result.basis,
          hundredths: result.hundredths,
          entered: rule.kind === 'indicator' || (rule.kind === 'bands' && rule.basis !== 'entered') ? null : inputs.entry(rule.key),
          needsEntry: result.needsEntry,
          isExtra: isExtraRule(rule),
        };
      });
      const itemComputed = rules.reduce((total, rule) => total + rule.hundredths, 0);
      const adjusted = inputs.adjustment(item.key);
      dComputed += itemComputed;
      dAdjustment += adjusted.deltaHundredths;
      return {
        key: item.key,
        title: item.title,
        weight: item.weight,
        computed: fromHundredths(itemComputed),
        adjustment: fromHundredths(adjusted.deltaHundredths),
        reason: adjusted.reason,
        final: fromHundredths(itemComputed + adjusted.deltaHundredths),
        rules: rules.map(({ hundredths, isExtra: _isExtra, ...rule }) => ({ ...rule, score: fromHundredths(hundredths) })),
        adjustments: adjusted.log,
      };
    });
    computed += dComputed;
    adjustment += dAdjustment;
    return { key: dimension.key, title: dimension.title, weight: dimension.weight, computed: fromHundredths(dComputed), adjustment: fromHundredths(dAdjustment), final: fromHundredths(dComputed + dAdjustment), items };
  });
  return { orgUnit, dimensions, computed: fromHundredths(computed), adjustment: fromHundredths(adjustment), total: fromHundredths(computed + adjustment) };
}

/**
 * Ranks by total, highest first; equal totals share a rank and the next rank
 * skips (1, 2, 2, 4 — standard competition ranking, as league tables and
 * 考核排名 are announced). Totals are compared in exact hundredths.
 */
export function rankByTotal<T extends { total: number }>(rows: readonly T[], tieOrder: (a: T, b: T) => number): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => toHundredths(b.total) - toHundredths(a.total) || tieOrder(a, b));
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || toHundredths(row.total) !== toHundredths(sorted[index - 1]!.total)) rank = index + 1;
    return { ...row, rank };
  });
}
