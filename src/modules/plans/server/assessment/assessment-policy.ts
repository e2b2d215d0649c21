/**
 * The numbers the assessment applies, dated and sourced. 陕工办发〔2023〕12号
 * 第3条 asks for a 省市县三级产改考核督查机制 and an evaluation scheme
 * (《关于建立推进产业工人队伍建设改革评价考核机制的实施办法》) that was not
 * yet issued when this was written; until it is, these are the platform's
 * defaults, entered here so that the implementing rules, once published, are
 * one new row with their own date and source.
 */
export type AssessmentPolicy = {
  effectiveFrom: string;
  source: string;
  /** The highest completion cap a rule may set (超额完成最多按此倍数计分). */
  maxCompletionCap: number;
  /** An adjustment may move an item by at most this multiple of the item's weight (or its ceilings, for a bonus/deduction item). */
  maxAdjustmentShare: number;
};

export const ASSESSMENT_POLICIES: readonly AssessmentPolicy[] = [
  {
    effectiveFrom: '2023-01-01',
    source: '平台默认值（待《关于建立推进产业工人队伍建设改革评价考核机制的实施办法》出台后替换），依据陕工办发〔2023〕12号第3条',
    maxCompletionCap: 1.5,
    maxAdjustmentShare: 1,
  },
];

/** The policy in force on `day` (YYYY-MM-DD). */
export function assessmentPolicyOn(day: string): AssessmentPolicy {
  const inForce = ASSESSMENT_POLICIES.filter((policy) => policy.effectiveFrom <= day).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? ASSESSMENT_POLICIES[0]!;
}
