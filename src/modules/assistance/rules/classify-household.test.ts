import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCLUSIONS, EXCLUSION_LABELS, type HardshipTier, SUDDEN_EVENTS, SUDDEN_EVENT_LABELS, type TClassifyInput, ZClassifyRequest } from '../contract';
import { type ClassificationRules, classifyHousehold } from './classify-household';

/** The rule values seeded by the migration, with an example 低保 standard of 700 元/月. */
const RULES: ClassificationRules = { dibaoMonthly: 700, relativeMultiple: 2, accidentCostRatio: 0.8, migrantMinLabourMonths: 12 };

/** Figures as a caller sends them, through the contract's schema (defaults, validation). */
const household = (input: Partial<TClassifyInput>) => ZClassifyRequest.parse({ dibao: 700, householdSize: 1, annualIncome: 0, ...input });
const classify = (input: Partial<TClassifyInput>, rules: ClassificationRules = RULES) => classifyHousehold(household(input), rules);

describe('classifyHousehold: 深度困难 at and around the 低保 standard', () => {
  it('explains the arithmetic: (income − rigid) ÷ 12 ÷ size, below the standard → 深度困难', () => {
    const result = classify({ householdSize: 3, annualIncome: 36000, rigidExpenses: { medical: 8000, education: 4000 } });
    expect(result.tier).toBe('deep');
    // 24000 ÷ 36 = 666.666… shown rounded down to the fen.
    expect(result.perCapitaMonthly).toBe(666.66);
    expect(result.dibao).toBe(700);
    expect(result.reasons[0]).toBe('（年收入 36000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 666.66 元/月，低于当地低保标准 700 元/月 → 深度困难');
    expect(result.reasons[1]).toBe('刚性支出 12000 元 = 医疗 8000 + 子女教育 4000');
  });

  it('is not deep exactly at the standard, deep one fen below, not deep one fen above', () => {
    const at = classify({ annualIncome: 8400 });
    expect(at).toMatchObject({ tier: 'relative', perCapitaMonthly: 700 });
    expect(at.reasons[0]).toContain('不低于当地低保标准 700 元/月（恰好等于标准，不算低于）');
    expect(classify({ annualIncome: 8399.88 })).toMatchObject({ tier: 'deep', perCapitaMonthly: 699.99 });
    expect(classify({ annualIncome: 8400.12 })).toMatchObject({ tier: 'relative', perCapitaMonthly: 700.01 });
  });

  it('is deep one fen of annual income below the line, though the monthly figure is 699.999…', () => {
    const result = classify({ annualIncome: 8399.99 });
    expect(result.tier).toBe('deep');
    // Rounded down, so the figure shown is below the standard as the exact one is.
    expect(result.perCapitaMonthly).toBe(699.99);
  });

  it('compares in fen where floats would drift (0.1 + 0.2 style sums)', () => {
    // 8399.9 + 0.1 = 8400 exactly in fen; in floats 8399.9 + 0.1 is 8400.000000000001.
    expect(classify({ annualIncome: 8400.1, rigidExpenses: { medical: 0.1 } }).tier).toBe('relative');
    expect(classify({ annualIncome: 8400.1, rigidExpenses: { medical: 0.11 } }).tier).toBe('deep');
  });
});

describe('classifyHousehold: 相对困难 at and around the multiple', () => {
  it('is relative below 2 × 低保, and not at or above it', () => {
    // Two people: 2 × 700 × 12 × 2 = 33600 a year.
    const at = classify({ householdSize: 2, annualIncome: 33600 });
    expect(at).toMatchObject({ tier: 'none', perCapitaMonthly: 1400 });
    expect(at.reasons[0]).toBe('（年收入 33600 − 刚性支出 0）÷ 12 ÷ 2 人 = 1400 元/月，不低于 2 倍低保标准 1400 元/月 → 不属于深度困难或相对困难');
    const below = classify({ householdSize: 2, annualIncome: 33599.76 });
    expect(below).toMatchObject({ tier: 'relative', perCapitaMonthly: 1399.99 });
    expect(below.reasons[0]).toBe(
      '（年收入 33599.76 − 刚性支出 0）÷ 12 ÷ 2 人 = 1399.99 元/月，不低于当地低保标准 700 元/月，低于 2 倍低保标准 1400 元/月 → 相对困难',
    );
    expect(classify({ householdSize: 2, annualIncome: 33600.24 })).toMatchObject({ tier: 'none', perCapitaMonthly: 1400.01 });
  });

  it('follows the configured multiple (1.5 instead of 2)', () => {
    const rules = { ...RULES, relativeMultiple: 1.5 };
    expect(classify({ annualIncome: 12599.88 }, rules).tier).toBe('relative');
    const at = classify({ annualIncome: 12600 }, rules);
    expect(at.tier).toBe('none');
    expect(at.reasons[0]).toContain('不低于 1.5 倍低保标准 1050 元/月');
  });
});

describe('classifyHousehold: 意外致困', () => {
  it('needs costs above 80 % of the annual income: exactly 80 % is not, one fen more is', () => {
    const at = classify({ annualIncome: 36000, suddenCosts: 28800 });
    expect(at.tier).toBe('none');
    expect(at.reasons).toContain('年度内致困费用 28800 元，未超过家庭年收入 36000 元的 80%（28800 元）');
    const above = classify({ annualIncome: 36000, suddenCosts: 28800.01 });
    expect(above.tier).toBe('accident');
    expect(above.reasons).toContain('年度内致困费用 28800.01 元，超过家庭年收入 36000 元的 80%（28800 元） → 符合意外致困条件');
  });

  it('counts any cost above a zero income, and no cost at all as none', () => {
    const result = classify({ annualIncome: 0, suddenCosts: 0.01 });
    // Deep as well (0 < 700), which wins; the accident still shows.
    expect(result.tier).toBe('deep');
    expect(result.reasons).toContain('年度内致困费用 0.01 元，超过家庭年收入 0 元的 80%（0 元） → 符合意外致困条件');
    expect(classify({ annualIncome: 0 }).reasons.some((line) => line.includes('意外致困'))).toBe(false);
  });

  it.each(SUDDEN_EVENTS)('is accident for the listed event %s whatever the costs', (event) => {
    const result = classify({ annualIncome: 120000, suddenEvent: event });
    expect(result.tier).toBe('accident');
    expect(result.reasons).toContain(`突发事件：${SUDDEN_EVENT_LABELS[event]} → 符合意外致困条件`);
  });
});

describe('classifyHousehold: precedence when several tiers hold', () => {
  it('files deep before accident and names the other in the reasons', () => {
    const result = classify({ annualIncome: 6000, suddenCosts: 10000 });
    expect(result.tier).toBe('deep');
    expect(result.reasons.at(-1)).toBe('同时符合意外致困条件；一户只认定一个类别，按从优顺序（深度困难、相对困难、意外致困）认定为深度困难');
  });

  it('files relative before accident', () => {
    const result = classify({ annualIncome: 12000, suddenEvent: 'major_accident' });
    expect(result.tier).toBe('relative');
    expect(result.reasons.at(-1)).toContain('同时符合意外致困条件');
  });

  it('files accident when only the event holds, with no precedence line', () => {
    const result = classify({ annualIncome: 60000, suddenEvent: 'natural_disaster' });
    expect(result.tier).toBe('accident');
    expect(result.reasons.some((line) => line.includes('从优'))).toBe(false);
  });
});

describe('classifyHousehold: 困难农民工 and the labour relationship', () => {
  const deepFigures = { annualIncome: 6000, isMigrantWorker: true };

  it('refuses 11 months with the reason and what the figures alone give', () => {
    const result = classify({ ...deepFigures, laborRelationMonths: 11 });
    expect(result.tier).toBe('none');
    expect(result.reasons[0]).toContain('→ 深度困难');
    expect(result.reasons.at(-1)).toBe('农民工须与用人单位建立劳动关系满 12 个月，实际 11 个月 → 暂不符合困难农民工认定条件');
  });

  it('accepts 12 months', () => {
    const result = classify({ ...deepFigures, laborRelationMonths: 12 });
    expect(result.tier).toBe('deep');
    expect(result.reasons).toContain('农民工与用人单位建立劳动关系 12 个月，满足满 12 个月的要求（另须长期在城镇居住）');
  });

  it('ignores the months of a worker who is not a migrant worker', () => {
    expect(classify({ annualIncome: 6000, laborRelationMonths: 1 }).tier).toBe('deep');
  });
});

describe('classifyHousehold: exclusions come first', () => {
  it.each(EXCLUSIONS)('blocks a deep household with %s, naming it', (exclusion) => {
    const result = classify({ annualIncome: 0, exclusions: [exclusion] });
    expect(result.tier).toBe('excluded');
    expect(result.reasons[0]).toBe(`排除性条件：${EXCLUSION_LABELS[exclusion]}`);
    expect(result.reasons).toContain('存在排除性条件 → 不予建档');
  });

  it('lists every exclusion once, and still shows the figure for reference', () => {
    const result = classify({ annualIncome: 0, exclusions: ['vehicle', 'business_owner', 'vehicle'] });
    expect(result.reasons.filter((line) => line.startsWith('排除性条件'))).toHaveLength(2);
    expect(result.reasons.at(-1)).toBe('（年收入 0 − 刚性支出 0）÷ 12 ÷ 1 人 = 0 元/月（仅供参考）');
  });
});

describe('classifyHousehold: household sizes and odd figures', () => {
  it('divides by a household of one and of thirty', () => {
    expect(classify({ householdSize: 1, annualIncome: 8399.88 })).toMatchObject({ tier: 'deep', perCapitaMonthly: 699.99 });
    // 30 people: the line is 700 × 12 × 30 = 252000 a year.
    expect(classify({ householdSize: 30, annualIncome: 252000 })).toMatchObject({ tier: 'relative', perCapitaMonthly: 700 });
    expect(classify({ householdSize: 30, annualIncome: 251999.99 }).tier).toBe('deep');
  });

  it('lets rigid spending exceed the income: a negative figure, deep', () => {
    const result = classify({ annualIncome: 10000, rigidExpenses: { medical: 22000 } });
    expect(result).toMatchObject({ tier: 'deep', perCapitaMonthly: -1000 });
    expect(result.reasons[0]).toBe('（年收入 10000 − 刚性支出 22000）÷ 12 ÷ 1 人 = -1000 元/月，低于当地低保标准 700 元/月 → 深度困难');
    // −100 ÷ 36 = −2.777… rounded down to −2.78.
    expect(classify({ householdSize: 3, annualIncome: 0, rigidExpenses: { disability: 100 } }).perCapitaMonthly).toBe(-2.78);
  });

  it('classes a zero income as deep', () => {
    expect(classify({ householdSize: 4, annualIncome: 0 })).toMatchObject({ tier: 'deep', perCapitaMonthly: 0 });
  });
});

describe('ZClassifyRequest: refusals in Chinese naming the field', () => {
  const firstIssue = (input: unknown) => {
    const parsed = ZClassifyRequest.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    return { field: issue.path.join('.'), message: issue.message };
  };
  const valid = { dibao: 700, householdSize: 3, annualIncome: 36000 };

  it('refuses a negative income, a household of 0, NaN and a third decimal', () => {
    expect(firstIssue({ ...valid, annualIncome: -1 })).toEqual({ field: 'annualIncome', message: '家庭年度可支配收入不能为负数' });
    expect(firstIssue({ ...valid, householdSize: 0 })).toEqual({ field: 'householdSize', message: '家庭共同生活人口至少为 1 人' });
    expect(firstIssue({ ...valid, annualIncome: Number.NaN })).toEqual({ field: 'annualIncome', message: '家庭年度可支配收入应为数字（元）' });
    expect(firstIssue({ ...valid, annualIncome: 1.005 })).toEqual({ field: 'annualIncome', message: '家庭年度可支配收入最多保留两位小数（精确到分）' });
    expect(firstIssue({ ...valid, rigidExpenses: { medical: -5 } })).toEqual({ field: 'rigidExpenses.medical', message: '医疗支出不能为负数' });
    expect(firstIssue({ ...valid, householdSize: 2.5 })).toEqual({ field: 'householdSize', message: '家庭共同生活人口应为整数' });
  });

  it('asks for the missing income, a region or a standard, and a migrant worker months', () => {
    expect(firstIssue({ dibao: 700, householdSize: 3 })).toEqual({ field: 'annualIncome', message: '请填写家庭年度可支配收入' });
    expect(firstIssue({ householdSize: 3, annualIncome: 1 })).toEqual({ field: 'region', message: '请选择所在地区，或直接填写当地低保标准' });
    expect(firstIssue({ ...valid, isMigrantWorker: true })).toEqual({ field: 'laborRelationMonths', message: '农民工请填写与用人单位建立劳动关系的月数' });
    expect(firstIssue({ ...valid, region: '6101' })).toEqual({ field: 'region', message: '所在地区应为 6 位行政区划代码（GB/T 2260）' });
    expect(firstIssue({ ...valid, exclusions: ['yacht'] }).field).toBe('exclusions.0');
    expect(firstIssue({ ...valid, date: '2025-02-30' })).toEqual({ field: 'date', message: '标准日期不是有效的日期' });
  });
});

/** How deep a tier is: more income must never give a higher rank. */
const DEPTH: Record<HardshipTier, number> = { deep: 3, relative: 2, accident: 1, none: 0, excluded: -1 };

/** Valid figures: whole fen, within the schema's bounds. */
const fen = (max: number) => fc.integer({ min: 0, max }).map((value) => value / 100);
const arbitraryHousehold = fc.record({
  householdSize: fc.integer({ min: 1, max: 30 }),
  annualIncome: fen(50_000_000),
  rigidExpenses: fc.record({ medical: fen(5_000_000), education: fen(5_000_000), disability: fen(5_000_000), jobCosts: fen(5_000_000) }),
  suddenCosts: fen(50_000_000),
  suddenEvent: fc.option(fc.constantFrom(...SUDDEN_EVENTS), { nil: undefined }),
  isMigrantWorker: fc.boolean(),
  laborRelationMonths: fc.integer({ min: 0, max: 600 }),
  exclusions: fc.subarray([...EXCLUSIONS]),
  dibao: fen(500_000).filter((value) => value > 0),
});
const arbitraryRules = fc.record({
  dibaoMonthly: fc.constant(0),
  relativeMultiple: fc.integer({ min: 10_000, max: 40_000 }).map((value) => value / 10_000),
  accidentCostRatio: fc.integer({ min: 1, max: 20_000 }).map((value) => value / 10_000),
  migrantMinLabourMonths: fc.integer({ min: 0, max: 36 }),
});

describe('classifyHousehold: properties', () => {
  it('never throws on valid input and answers a known tier with finite figures', () => {
    fc.assert(
      fc.property(arbitraryHousehold, arbitraryRules, (input, rules) => {
        const result = classifyHousehold(household(input), { ...rules, dibaoMonthly: input.dibao });
        expect(Object.keys(DEPTH)).toContain(result.tier);
        expect(Number.isFinite(result.perCapitaMonthly)).toBe(true);
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives a deeper tier for more income, all else equal', () => {
    fc.assert(
      fc.property(arbitraryHousehold, arbitraryRules, fen(50_000_000), (input, rules, more) => {
        const withRules = { ...rules, dibaoMonthly: input.dibao };
        const lower = classifyHousehold(household(input), withRules);
        const higher = classifyHousehold(household({ ...input, annualIncome: Math.round((input.annualIncome + more) * 100) / 100 }), withRules);
        expect(DEPTH[higher.tier]).toBeLessThanOrEqual(DEPTH[lower.tier]);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deep exactly when the figure shown is below the standard (no exclusion, not a migrant worker)', () => {
    fc.assert(
      fc.property(arbitraryHousehold, arbitraryRules, (input, rules) => {
        const figures = household({ ...input, exclusions: [], isMigrantWorker: false });
        const result = classifyHousehold(figures, { ...rules, dibaoMonthly: input.dibao });
        expect(result.tier === 'deep').toBe(result.perCapitaMonthly < result.dibao);
      }),
      { numRuns: 2000 },
    );
  });
});
