import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../core/http/errors';
import { ASSESSMENT_POLICIES } from './assessment-policy';
import { sampleTree } from './sample-tree';
import { validateSchemeTree } from './validate-scheme';

const policy = ASSESSMENT_POLICIES[0]!;

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, field: error.field };
    throw error;
  }
  throw new Error('not refused');
};

describe('validateSchemeTree', () => {
  it('accepts weights that sum exactly in hundredths (25.5 + 14.5 = 40; 10.3 + 4.2 = 14.5, bonus aside)', () => {
    expect(() => validateSchemeTree(sampleTree(), 100, policy)).not.toThrow();
  });

  it('refuses dimensions that do not sum to the full score, naming the totals', () => {
    expect(refusal(() => validateSchemeTree(sampleTree(), 99.99, policy))).toEqual({ message: '各考核维度分值合计 100 分，与方案满分 99.99 分不符', field: 'fullScore' });
  });

  it('refuses items that do not sum to their dimension, naming the dimension', () => {
    const tree = sampleTree();
    tree[0]!.items[0]!.weight = 25.49;
    tree[0]!.items[0]!.rules[0]!.weight = 25.49;
    expect(refusal(() => validateSchemeTree(tree, 100, policy))).toEqual({ message: '考核维度「组织推进」下各考核项目分值合计 39.99 分，与该维度分值 40 分不符', field: 'tree.0.weight' });
  });

  it('refuses rules that do not sum to their item, naming the item (bonus and deduction rules do not count)', () => {
    const tree = sampleTree();
    tree[0]!.items[1]!.rules[0]!.weight = 10;
    expect(refusal(() => validateSchemeTree(tree, 100, policy))).toEqual({ message: '考核项目「机制建设」下各评分规则分值合计 14.2 分（加分、扣分项不计），与该项目分值 14.5 分不符', field: 'tree.0.items.1.weight' });
  });

  it('refuses bands out of order, above the weight, and caps above the policy', () => {
    const unordered = sampleTree();
    const bands = unordered[0]!.items[1]!.rules[1]! as { bands: { atLeast: number; points: number }[] };
    bands.bands = [{ atLeast: 60, points: 2.1 }, { atLeast: 90, points: 2.1 }];
    expect(refusal(() => validateSchemeTree(unordered, 100, policy))).toMatchObject({ field: 'tree.0.items.1.rules.1.bands.1.atLeast' });
    bands.bands = [{ atLeast: 90, points: 4.21 }];
    expect(refusal(() => validateSchemeTree(unordered, 100, policy))).toEqual({ message: '评分规则「培训覆盖率」第 1 档得分 4.21 分超过该规则分值 4.2 分', field: 'tree.0.items.1.rules.1.bands.0.points' });
    const capped = sampleTree();
    (capped[0]!.items[0]!.rules[0]! as { cap: number }).cap = policy.maxCompletionCap + 0.01;
    expect(refusal(() => validateSchemeTree(capped, 100, policy)).field).toBe('tree.0.items.0.rules.0.cap');
  });

  it('refuses a repeated node key', () => {
    const tree = sampleTree();
    tree[1]!.items[0]!.key = 'i1';
    expect(refusal(() => validateSchemeTree(tree, 100, policy))).toEqual({ message: '节点标识「i1」重复，请刷新后重试', field: 'tree.1.items.0.key' });
  });
});
