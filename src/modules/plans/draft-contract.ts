import { z } from 'zod';

/**
 * The structured draft the parser makes of an issued work-plan document
 * (issue 5, "Import and parse"): metadata, the heading hierarchy, numbered
 * measures with their full text, and the quantified targets inside them.
 * Staff review and correct it before it becomes a plan.
 *
 * Conventions:
 * - Anything the document does not say is `null` (never an empty string),
 *   except `recipients`, which is an empty list.
 * - `date` is ISO `YYYY-MM-DD` (the 成文日期 in the document).
 * - A measure with no targets is a qualitative task (工作任务); with one or
 *   more it is quantified. There is no separate `kind` field: `isQualitative`.
 * - A section carries `sections` only when it has sub-sections.
 */

/**
 * How a target's figure binds. The Civil Code fixes what the words include
 * (《民法典》第一千二百五十九条: "以上""以下""以内""届满" include the number;
 * "不满""超过""以外" do not):
 * - `eq`  exactly: 评选40名, 命名20个
 * - `gte` at least: 不少于, 不低于, 至少, 达到, 以上
 * - `gt`  more than: 超过, 高于, 多于, 100余名
 * - `lte` at most: 不超过, 不高于, 控制在, 以下, 以内
 * - `lt`  less than: 低于, 少于, 不足, 不满
 * Vagueness (左右, 约, 大约, 近) is the separate `approx` flag.
 */
export const TARGET_COMPARATORS = ['eq', 'gte', 'gt', 'lte', 'lt'] as const;
export type TTargetComparator = (typeof TARGET_COMPARATORS)[number];

export const TARGET_COMPARATOR_LABELS: Record<TTargetComparator, string> = {
  eq: '',
  gte: '不少于',
  gt: '超过',
  lte: '不超过',
  lt: '低于',
};

export const ZPlanTarget = z.object({
  /** In the unit's base: 2万人 → 20000 (人); 90% → 90 (%). */
  value: z.number().finite(),
  /** 左右, 约, 大约, 近: the figure is an estimate. */
  approx: z.boolean(),
  comparator: z.enum(TARGET_COMPARATORS),
  /** Normalised: 名 → 人; 万人 → 人 with the value ×10000; 个, 项, 家, 场, 次, %, … as written. */
  unit: z.string().min(1),
  /** What is counted: 三秦工匠, 示范性创新工作室, 职工入会率. */
  subject: z.string(),
  /** The year the sentence names (2023年继续评选…) as "2023", or null. */
  period: z.string().regex(/^\d{4}$/).nullable(),
  /** The sentence the target came from, as it reads in the document. */
  source: z.string().min(1),
});
export type TPlanTarget = z.infer<typeof ZPlanTarget>;

export const ZPlanMeasure = z.object({
  /** The number as written, without its decoration: "1", "一", "三" (for 第三条). "" for unnumbered text. */
  no: z.string(),
  /** The first sentence (up to its 。), or the heading line when it has none. */
  title: z.string(),
  /** The full text, title sentence included; paragraphs and folded sub-items on their own lines. */
  text: z.string(),
  targets: z.array(ZPlanTarget),
});
export type TPlanMeasure = z.infer<typeof ZPlanMeasure>;

/** A heading that holds measures or further sections; `no` and `title` are null for the measures outside any heading. */
export const ZPlanSection = z.object({
  no: z.string().nullable(),
  title: z.string().nullable(),
  measures: z.array(ZPlanMeasure),
  get sections() {
    return z.array(ZPlanSection).optional();
  },
});
export type TPlanSection = z.infer<typeof ZPlanSection>;

export const ZPlanMeta = z.object({
  /** The plan's own title (陕西省总工会贯彻落实省委省政府“三个年”活动15条措施), else the 《…》 of the notice. */
  title: z.string().nullable(),
  /** The issuing body (发文机关): from the "…文件" head, the title, or the "…印发" line. */
  issuer: z.string().nullable(),
  /** 发文字号, normalised: 陕工办发〔2023〕12号. */
  docNumber: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** 主送机关 in document order: 各市（区）总工会, 各省级产业工会, … */
  recipients: z.array(z.string()),
  /** The covering notice's title when there is one: 关于印发《…》的通知. */
  noticeTitle: z.string().nullable(),
});
export type TPlanMeta = z.infer<typeof ZPlanMeta>;

export const ZPlanDraft = z.object({
  meta: ZPlanMeta,
  sections: z.array(ZPlanSection),
});
export type TPlanDraft = z.infer<typeof ZPlanDraft>;

export const isQualitative = (measure: TPlanMeasure): boolean => measure.targets.length === 0;

/** Every measure of a draft in document order, nested sections included. */
export function allMeasures(sections: readonly TPlanSection[]): TPlanMeasure[] {
  const measures: TPlanMeasure[] = [];
  const stack = [...sections].reverse();
  while (stack.length > 0) {
    const section = stack.pop()!;
    measures.push(...section.measures);
    stack.push(...[...(section.sections ?? [])].reverse());
  }
  return measures;
}
