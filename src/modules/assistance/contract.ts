import { z } from 'zod';
import { isCalendarDate } from '../../core/cn/calendar-date';
import { parseRegionCode } from '../../core/cn/region-code';

/** 困难职工帮扶: view files; file and assist; review; maintain the rule tables. */
export const ASSISTANCE_READ = 'assistance.read';
export const ASSISTANCE_WRITE = 'assistance.write';
export const ASSISTANCE_REVIEW = 'assistance.review';
export const ASSISTANCE_RULES = 'assistance.rules';
/** The full ID numbers and bank account of a file, for a stated reason (audited). */
export const ASSISTANCE_REVEAL = 'assistance.reveal';

/**
 * 困难类别 (hardshipTier), domain.md §2.1: 深度困难 / 相对困难 / 意外致困, or none of them,
 * or blocked by an exclusion (排除性条件). A household carries one tier (rules/classify-household.ts).
 */
export const HARDSHIP_TIER_LABELS = {
  deep: '深度困难',
  relative: '相对困难',
  accident: '意外致困',
  none: '未达到困难认定条件',
  excluded: '不予建档（存在排除性条件）',
} as const;

export type HardshipTier = keyof typeof HARDSHIP_TIER_LABELS;
export const HARDSHIP_TIERS = Object.keys(HARDSHIP_TIER_LABELS) as [HardshipTier, ...HardshipTier[]];

/**
 * 排除性条件 that block filing whatever the income (domain.md §2.1: the high-fee school item
 * seen in the source; vehicles, several houses and business ownership as checked through
 * government data in 邹城's practice).
 */
export const EXCLUSION_LABELS = {
  vehicle: '家庭拥有机动车辆',
  multiple_houses: '家庭拥有两套及以上住房',
  business_owner: '家庭成员经商办企业（开办公司、个体经营等）',
  high_fee_school: '子女就读高收费私立学校或自费出国留学',
} as const;

export type Exclusion = keyof typeof EXCLUSION_LABELS;
export const EXCLUSIONS = Object.keys(EXCLUSION_LABELS) as [Exclusion, ...Exclusion[]];

/**
 * The listed cases that make a family 意外致困 whatever the costs (domain.md §2.1: injured,
 * disabled, 因公殉职 or 牺牲 in a 自然灾害, 重大安全事故, 重大疫情 or 社会安全事件).
 */
export const SUDDEN_EVENT_LABELS = {
  natural_disaster: '在自然灾害中负伤、致残',
  major_accident: '在重大安全事故中负伤、致残',
  major_epidemic: '在重大疫情中负伤、致残',
  social_security_incident: '在社会安全事件中负伤、致残',
  died_on_duty: '在上述事件中因公殉职或牺牲',
} as const;

export type SuddenEvent = keyof typeof SUDDEN_EVENT_LABELS;
export const SUDDEN_EVENTS = Object.keys(SUDDEN_EVENT_LABELS) as [SuddenEvent, ...SuddenEvent[]];

/** 城市低保 or 农村低保. Workers (and 困难农民工, who must live in town) are measured against the urban one. */
export const DIBAO_AREA_LABELS = { urban: '城市', rural: '农村' } as const;
export type DibaoArea = keyof typeof DIBAO_AREA_LABELS;

/** Far above any household's figures; keeps the arithmetic in exact integers of fen. */
export const MAX_YUAN = 100_000_000;
/** 家庭共同生活人口: bounds of a plausible household. */
export const MAX_HOUSEHOLD_SIZE = 30;

export const required = (label: string, kind: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}应为${kind}`;

/** A sum of money in yuan: not negative, at most two decimals (to the fen). */
export const money = (label: string) =>
  z
    .number({ error: required(label, '数字（元）') })
    .min(0, `${label}不能为负数`)
    .max(MAX_YUAN, `${label}过大`)
    .refine((value) => Number(value.toFixed(2)) === value, `${label}最多保留两位小数（精确到分）`);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZRigidExpenses = z.object({
  medical: money('医疗支出').default(0),
  education: money('子女教育支出').default(0),
  disability: money('残疾康复、护理支出').default(0),
  jobCosts: money('必要的就业支出').default(0),
});

/**
 * The household figures of a self-test or `gonghui assistance classify` (issue 6).
 * `dibao` (the monthly 低保 standard) overrides the rule table; without it the standard of
 * `region` in force on `date`, or on 1 July of `year` (default: this year), is used.
 */
export const ZClassifyRequest = z
  .object({
    region: z
      .string({ error: required('所在地区', '6 位行政区划代码') })
      .max(20, '所在地区应为 6 位行政区划代码（GB/T 2260）')
      .trim()
      .refine((code) => parseRegionCode(code).ok, '所在地区应为 6 位行政区划代码（GB/T 2260）')
      .optional(),
    area: z.enum(['urban', 'rural'], { error: '低保类别应为 urban（城市）或 rural（农村）' }).default('urban'),
    year: z
      .number({ error: required('年份', '整数') })
      .int('年份应为整数')
      .min(2000, '年份应在 2000 年至 2100 年之间')
      .max(2100, '年份应在 2000 年至 2100 年之间')
      .optional(),
    date: z
      .string({ error: required('标准日期', '日期') })
      .regex(ISO_DATE, '标准日期应为 YYYY-MM-DD 格式')
      .refine((text) => {
        const [y, m, d] = text.split('-').map(Number);
        return isCalendarDate(y!, m!, d!);
      }, '标准日期不是有效的日期')
      .optional(),
    householdSize: z
      .number({ error: required('家庭共同生活人口', '整数') })
      .int('家庭共同生活人口应为整数')
      .min(1, '家庭共同生活人口至少为 1 人')
      .max(MAX_HOUSEHOLD_SIZE, `家庭共同生活人口不能超过 ${MAX_HOUSEHOLD_SIZE} 人`),
    annualIncome: money('家庭年度可支配收入'),
    rigidExpenses: ZRigidExpenses.default({ medical: 0, education: 0, disability: 0, jobCosts: 0 }),
    suddenCosts: money('年度内致困费用（损失）').default(0),
    suddenEvent: z.enum(SUDDEN_EVENTS, { error: '突发事件类型无效' }).nullish(),
    isMigrantWorker: z.boolean({ error: '是否农民工应为 true 或 false' }).default(false),
    laborRelationMonths: z
      .number({ error: required('劳动关系月数', '整数') })
      .int('劳动关系月数应为整数')
      .min(0, '劳动关系月数不能为负数')
      .max(600, '劳动关系月数过大')
      .optional(),
    exclusions: z
      .array(z.enum(EXCLUSIONS, { error: `排除性条件应为 ${EXCLUSIONS.join('、')} 之一` }), { error: '排除性条件应为列表' })
      .max(EXCLUSIONS.length * 2, '排除性条件过多')
      .default([])
      .transform((items) => [...new Set(items)]),
    dibao: money('当地低保标准')
      .refine((value) => value > 0, '当地低保标准应大于 0')
      .optional(),
  })
  .superRefine((request, context) => {
    if (request.region === undefined && request.dibao === undefined) {
      context.addIssue({ code: 'custom', path: ['region'], message: '请选择所在地区，或直接填写当地低保标准' });
    }
    if (request.isMigrantWorker && request.laborRelationMonths === undefined) {
      context.addIssue({ code: 'custom', path: ['laborRelationMonths'], message: '农民工请填写与用人单位建立劳动关系的月数' });
    }
    if (request.date !== undefined && request.year !== undefined && Number(request.date.slice(0, 4)) !== request.year) {
      context.addIssue({ code: 'custom', path: ['year'], message: '年份与标准日期不一致' });
    }
  });

export type TClassifyRequest = z.output<typeof ZClassifyRequest>;
/** What a caller sends (defaults not yet applied). */
export type TClassifyInput = z.input<typeof ZClassifyRequest>;

/** The answer: one tier, the per-capita monthly figure and the standard used (yuan), and the reasons. */
export const ZClassification = z.object({
  tier: z.enum(HARDSHIP_TIERS),
  /** (年收入 − 刚性支出) ÷ 12 ÷ 人口, in yuan, rounded down to the fen. */
  perCapitaMonthly: z.number(),
  /** The monthly 低保 standard compared with, in yuan. */
  dibao: z.number(),
  /** In Chinese, with the arithmetic. */
  reasons: z.array(z.string()),
});

export type TClassification = z.output<typeof ZClassification>;

export const ZStandardRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'prefecture', 'county']),
  /** The city (or province) a county's or city's lookup falls back to. */
  parentCode: z.string().nullable(),
});

/** Regions that have a 低保 standard in the rule table, for the self-test's picker. */
export const ZStandardRegions = z.object({ items: z.array(ZStandardRegion) });

export type TStandardRegion = z.output<typeof ZStandardRegion>;
