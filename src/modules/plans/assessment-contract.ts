import { z } from 'zod';

/**
 * Assessment (考核, issue 5): a scheme (考核方案) a union issues to the unions
 * it assesses — dimensions (考核维度) → items (考核项目) → scoring rules
 * (评分规则), each with a weight (分值) — and rounds (考核轮次) scored against it:
 * per-unit score sheets (评分表) with computed score, adjustment, reason and
 * final; the ranking; publishing freezes a round. Shared by server and console.
 *
 * Scores travel as numbers with at most two decimals; the server computes in
 * integer hundredths (fixed point) so totals never drift.
 */

/** 按指标完成率计分; 分档计分; 人工评分; 加分项; 扣分项. */
export const ASSESSMENT_RULE_KINDS = ['indicator', 'bands', 'manual', 'bonus', 'deduction'] as const;
export type TAssessmentRuleKind = (typeof ASSESSMENT_RULE_KINDS)[number];
export const ASSESSMENT_RULE_KIND_LABELS: Record<TAssessmentRuleKind, string> = {
  indicator: '按指标完成率计分',
  bands: '分档计分',
  manual: '人工评分',
  bonus: '加分项',
  deduction: '扣分项',
};

/** What a band rule compares: the indicator's completion (%), its achieved value, or a value the reviewer enters. */
export const BAND_BASES = ['completion', 'achieved', 'entered'] as const;
export type TBandBasis = (typeof BAND_BASES)[number];
export const BAND_BASIS_LABELS: Record<TBandBasis, string> = { completion: '指标完成率（%）', achieved: '指标完成数', entered: '评分人录入的实测值' };

export const ROUND_STATUSES = ['open', 'published'] as const;
export type TRoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<TRoundStatus, string> = { open: '评分中', published: '已发布' };

const ZId = z.number({ message: '请选择' }).int('编号须为整数').positive('编号须为正整数');
const ZVersion = z.number({ message: '缺少修改前的版本号（version），请刷新后重试' }).int().positive('版本号须为正整数');
/** A score or weight: non-negative, at most two decimals (hundredths are exact). */
const score = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .finite()
    .nonnegative(`${label}不能为负`)
    .max(10_000, `${label}不超过 10000`)
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, `${label}至多保留两位小数`);
const ZKey = z
  .string({ message: '缺少节点标识' })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '节点标识只能由字母、数字、- 和 _ 组成，至多 40 个字符');
const title = (label: string) => z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(200, `${label}不超过 200 个字`);

const ruleBase = { key: ZKey, title: title('评分规则名称'), description: z.string().trim().max(500, '评分说明不超过 500 个字').default('') };

/**
 * A scoring rule. `weight` is the rule's full score (满分); for a bonus or
 * deduction it is the ceiling (加/扣分上限) and does not count towards the
 * item's weight.
 */
export const ZAssessmentRule = z.discriminatedUnion('kind', [
  z.object({
    ...ruleBase,
    kind: z.literal('indicator'),
    weight: score('分值'),
    indicatorId: ZId,
    /** score = weight × min(achieved ÷ target, cap): 1 = no credit beyond full completion. */
    cap: z.number({ message: '请填写完成率上限' }).min(1, '完成率上限不低于 1（即 100%）'),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('bands'),
    weight: score('分值'),
    basis: z.enum(BAND_BASES, { message: '请选择分档依据' }),
    /** Required unless the basis is `entered`. */
    indicatorId: ZId.nullable().default(null),
    /** Highest threshold first: the first band whose threshold the value reaches (≥) gives its points. */
    bands: z
      .array(z.object({ atLeast: z.number({ message: '请填写档位下限' }).finite(), points: score('档位得分') }))
      .min(1, '请至少设置一个档位')
      .max(10, '档位至多 10 个'),
  }),
  z.object({ ...ruleBase, kind: z.literal('manual'), weight: score('分值') }),
  z.object({
    ...ruleBase,
    kind: z.literal('bonus'),
    weight: score('加分上限'),
    /** Points per occurrence (每项加 x 分): the reviewer enters a count; null: the reviewer enters points. */
    pointsEach: score('每项分值').nullable().default(null),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('deduction'),
    weight: score('扣分上限'),
    pointsEach: score('每项分值').nullable().default(null),
  }),
]);
export type TAssessmentRule = z.infer<typeof ZAssessmentRule>;

export const ZAssessmentItem = z.object({
  key: ZKey,
  title: title('考核项目名称'),
  /** The sum of its scoring rules' weights (bonus and deduction rules aside). */
  weight: score('分值'),
  rules: z.array(ZAssessmentRule).min(1, '每个考核项目至少要有一条评分规则').max(20, '一个考核项目至多 20 条评分规则'),
});
export type TAssessmentItem = z.infer<typeof ZAssessmentItem>;

export const ZAssessmentDimension = z.object({
  key: ZKey,
  title: title('考核维度名称'),
  weight: score('分值'),
  items: z.array(ZAssessmentItem).min(1, '每个考核维度至少要有一个考核项目').max(50, '一个考核维度至多 50 个考核项目'),
});
export type TAssessmentDimension = z.infer<typeof ZAssessmentDimension>;

export const ZAssessmentTree = z.array(ZAssessmentDimension).min(1, '请至少设置一个考核维度').max(20, '考核维度至多 20 个');
export type TAssessmentTree = z.infer<typeof ZAssessmentTree>;

/** 新建或修改考核方案 (the whole tree; a change names the scheme's version). */
export const ZSaveSchemeRequest = z.object({
  version: ZVersion.optional(),
  planId: ZId.nullable().default(null),
  year: z.number({ message: '请填写考核年度' }).int('考核年度应为四位年份').min(2000, '考核年度应为四位年份').max(2100, '考核年度应为四位年份'),
  title: title('方案名称'),
  /** 满分 (usually 100): the dimensions' weights must sum to it. */
  fullScore: score('满分'),
  /** 被考核单位: unions below the issuing union. */
  orgUnitIds: z.array(ZId).min(1, '请选择被考核单位').max(500, '被考核单位至多 500 个'),
  tree: ZAssessmentTree,
});
export type TSaveSchemeRequest = z.input<typeof ZSaveSchemeRequest>;

export const ZIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZSchemeListQuery = z.object({ planId: z.coerce.number().int().positive().optional() });

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

export const ZAssessmentRound = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export type TAssessmentRound = z.infer<typeof ZAssessmentRound>;

export const ZAssessmentScheme = z.object({
  id: z.number().int(),
  planId: z.number().int().nullable(),
  orgUnit: ZOrgRef,
  year: z.number().int(),
  title: z.string(),
  fullScore: z.number(),
  version: z.number().int(),
  units: z.array(ZOrgRef),
  tree: ZAssessmentTree,
  rounds: z.array(ZAssessmentRound),
  updatedAt: z.string(),
  /** What the screen may offer (the server checks again). */
  can: z.object({ edit: z.boolean(), score: z.boolean() }),
});
export type TAssessmentScheme = z.infer<typeof ZAssessmentScheme>;

export const ZSchemeList = z.object({
  items: z.array(z.object({ id: z.number().int(), planId: z.number().int().nullable(), orgUnit: ZOrgRef, year: z.number().int(), title: z.string(), fullScore: z.number(), unitCount: z.number().int(), roundCount: z.number().int() })),
});
export type TSchemeList = z.infer<typeof ZSchemeList>;

export const ZCreateRoundRequest = z.object({ title: z.string({ message: '请填写轮次名称' }).trim().min(1, '请填写轮次名称').max(100, '轮次名称不超过 100 个字') });

// ---- Scoring --------------------------------------------------------------

/** 录入: a manual score, a measured value (bands by entered value), or a bonus/deduction count or points; null clears. */
export const ZEntryRequest = z.object({
  orgUnitId: ZId,
  ruleKey: ZKey,
  value: z.number({ message: '请填写分值' }).finite().nonnegative('录入值不能为负').max(1_000_000).nullable(),
  note: z.string().trim().max(500, '说明不超过 500 个字').default(''),
});

/** 调整: the item's adjustment from now on (+/−, 0 withdraws it), always with a reason. */
export const ZAdjustRequest = z.object({
  orgUnitId: ZId,
  itemKey: ZKey,
  delta: z
    .number({ message: '请填写调整分值' })
    .finite()
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, '调整分值至多保留两位小数'),
  reason: z.string({ message: '请填写调整理由' }).trim().min(2, '请填写调整理由（至少 2 个字）').max(500, '调整理由不超过 500 个字'),
});

export const ZSheetQuery = z.object({ orgUnitId: z.coerce.number().int().positive() });

export const ZRuleScore = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.enum(ASSESSMENT_RULE_KINDS),
  weight: z.number(),
  /** What the score was computed from, in words (完成 17 / 目标 25 = 68%; 录入 3 项 × 2 分 …). */
  basis: z.string(),
  /** Negative for a deduction. */
  score: z.number(),
  /** The reviewer's entry (null: none yet). */
  entered: z.number().nullable(),
  needsEntry: z.boolean(),
});

export const ZItemScore = z.object({
  key: z.string(),
  title: z.string(),
  weight: z.number(),
  computed: z.number(),
  adjustment: z.number(),
  reason: z.string().nullable(),
  final: z.number(),
  rules: z.array(ZRuleScore),
  /** Every adjustment ever made, oldest first (who, when, why). */
  adjustments: z.array(z.object({ delta: z.number(), reason: z.string(), by: z.string().nullable(), at: z.string() })),
});
export type TItemScore = z.infer<typeof ZItemScore>;

export const ZScoreSheet = z.object({
  orgUnit: ZOrgRef,
  dimensions: z.array(z.object({ key: z.string(), title: z.string(), weight: z.number(), computed: z.number(), adjustment: z.number(), final: z.number(), items: z.array(ZItemScore) })),
  computed: z.number(),
  adjustment: z.number(),
  total: z.number(),
  /** Null in an open round seen from an assessed union (its rank depends on unions it cannot see). */
  rank: z.number().int().nullable(),
});
export type TScoreSheet = z.infer<typeof ZScoreSheet>;

export const ZRanking = z.object({
  round: ZAssessmentRound,
  scheme: z.object({ id: z.number().int(), title: z.string(), fullScore: z.number() }),
  /** Computed now (open round) or the frozen snapshot (published). */
  asOf: z.string(),
  /** Units in the viewer's scope; ties share a rank (1, 2, 2, 4). */
  rows: z.array(z.object({ orgUnit: ZOrgRef, rank: z.number().int().nullable(), total: z.number(), computed: z.number(), adjustment: z.number(), dimensions: z.array(z.object({ key: z.string(), final: z.number() })) })),
  dimensions: z.array(z.object({ key: z.string(), title: z.string(), weight: z.number() })),
});
export type TRanking = z.infer<typeof ZRanking>;

export const ZRoundSheet = z.object({ round: ZAssessmentRound, asOf: z.string(), sheet: ZScoreSheet, canScore: z.boolean() });
export type TRoundSheet = z.infer<typeof ZRoundSheet>;
