import { AppError } from '../../../../core/http/errors';
import type { TAssessmentRule, TAssessmentTree } from '../../assessment-contract';
import type { AssessmentPolicy } from './assessment-policy';
import { fromHundredths, toHundredths } from './fixed-point';

const fail = (message: string, field: string): never => {
  throw new AppError('VALIDATION_FAILED', message, { field });
};

/** Bonus and deduction rules carry a ceiling, not a share of the item's weight. */
export const isExtraRule = (rule: TAssessmentRule) => rule.kind === 'bonus' || rule.kind === 'deduction';

const points = (hundredths: number) => `${String(fromHundredths(hundredths))} 分`;

/**
 * A scheme's tree holds together: node keys are unique; the dimensions'
 * weights sum to the full score, each dimension's items to the dimension, each
 * item's scoring rules (bonus and deduction aside) to the item — in exact
 * hundredths; band rules are ordered from the highest threshold down and give
 * no more than the rule's weight; completion caps stay within the policy.
 * The first problem is refused in Chinese, naming the node and its field.
 */
export function validateSchemeTree(tree: TAssessmentTree, fullScore: number, policy: AssessmentPolicy): void {
  const keys = new Set<string>();
  const claim = (key: string, field: string) => {
    if (keys.has(key)) fail(`节点标识「${key}」重复，请刷新后重试`, field);
    keys.add(key);
  };
  const sumOf = (weights: number[]) => weights.reduce((total, weight) => total + toHundredths(weight), 0);

  const dimensionsTotal = sumOf(tree.map((dimension) => dimension.weight));
  if (dimensionsTotal !== toHundredths(fullScore)) {
    fail(`各考核维度分值合计 ${points(dimensionsTotal)}，与方案满分 ${points(toHundredths(fullScore))}不符`, 'fullScore');
  }
  tree.forEach((dimension, d) => {
    const dField = `tree.${d}`;
    claim(dimension.key, `${dField}.key`);
    const itemsTotal = sumOf(dimension.items.map((item) => item.weight));
    if (itemsTotal !== toHundredths(dimension.weight)) {
      fail(`考核维度「${dimension.title}」下各考核项目分值合计 ${points(itemsTotal)}，与该维度分值 ${points(toHundredths(dimension.weight))}不符`, `${dField}.weight`);
    }
    dimension.items.forEach((item, i) => {
      const iField = `${dField}.items.${i}`;
      claim(item.key, `${iField}.key`);
      const rulesTotal = sumOf(item.rules.filter((rule) => !isExtraRule(rule)).map((rule) => rule.weight));
      if (rulesTotal !== toHundredths(item.weight)) {
        fail(`考核项目「${item.title}」下各评分规则分值合计 ${points(rulesTotal)}（加分、扣分项不计），与该项目分值 ${points(toHundredths(item.weight))}不符`, `${iField}.weight`);
      }
      item.rules.forEach((rule, r) => {
        const rField = `${iField}.rules.${r}`;
        claim(rule.key, `${rField}.key`);
        validateRule(rule, rField, policy);
      });
    });
  });
}

function validateRule(rule: TAssessmentRule, field: string, policy: AssessmentPolicy): void {
  const name = `评分规则「${rule.title}」`;
  switch (rule.kind) {
    case 'indicator':
      if (rule.cap > policy.maxCompletionCap) fail(`${name}的完成率上限不能超过 ${policy.maxCompletionCap}（${policy.maxCompletionCap * 100}%）`, `${field}.cap`);
      return;
    case 'bands': {
      if (rule.basis !== 'entered' && rule.indicatorId === null) fail(`${name}按指标分档，请选择指标`, `${field}.indicatorId`);
      const weight = toHundredths(rule.weight);
      rule.bands.forEach((band, b) => {
        if (toHundredths(band.points) > weight) fail(`${name}第 ${b + 1} 档得分 ${band.points} 分超过该规则分值 ${points(weight)}`, `${field}.bands.${b}.points`);
        const above = rule.bands[b - 1];
        if (above && !(band.atLeast < above.atLeast)) fail(`${name}的档位须按下限从高到低排列（第 ${b + 1} 档下限应低于第 ${b} 档）`, `${field}.bands.${b}.atLeast`);
        if (above && band.points > above.points) fail(`${name}第 ${b + 1} 档得分不应高于第 ${b} 档`, `${field}.bands.${b}.points`);
      });
      return;
    }
    case 'bonus':
    case 'deduction':
      if (rule.pointsEach !== null && toHundredths(rule.pointsEach) > toHundredths(rule.weight)) {
        fail(`${name}每项分值 ${rule.pointsEach} 分超过上限 ${points(toHundredths(rule.weight))}`, `${field}.pointsEach`);
      }
      return;
    case 'manual':
      return;
  }
}

/** Every node of the tree by key, with its level. */
export function nodesByKey(tree: TAssessmentTree) {
  const rules = new Map<string, { rule: TAssessmentRule; itemKey: string }>();
  const items = new Map<string, TAssessmentTree[number]['items'][number]>();
  for (const dimension of tree) {
    for (const item of dimension.items) {
      items.set(item.key, item);
      for (const rule of item.rules) rules.set(rule.key, { rule, itemKey: item.key });
    }
  }
  return { rules, items };
}
