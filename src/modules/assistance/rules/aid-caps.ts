import { fenToYuan, floorDiv, formatYuan, RATIO_SCALE } from './money';

/**
 * The keys of the assistance caps in `assistance_rule_value` (migration
 * 2026-11-21T1630, domain.md §2.4). Values, dates and documents are rows;
 * the code knows only the keys.
 */
export const AID_RULE_KEY_LABELS = {
  aid_cap_household_total_yuan: '每户每年帮扶合计上限（元）',
  aid_cap_living_dibao_months_deep: '深度困难家庭生活救助年度上限（月低保标准的倍数）',
  aid_cap_living_dibao_months_relative: '相对困难家庭生活救助年度上限（月低保标准的倍数）',
  aid_cap_living_dibao_months_accident: '意外致困家庭生活救助年度上限（月低保标准的倍数）',
  aid_cap_education_compulsory_yuan: '助学每生每年上限：学前及义务教育（元）',
  aid_cap_education_senior_yuan: '助学每生每年上限：高中及以上（元）',
} as const;
export type AidRuleKey = keyof typeof AID_RULE_KEY_LABELS;

/** One cap as it applies to a claim: its name, the limit and what the year already holds, in fen. */
export type AidCap = { label: string; limitFen: bigint; givenFen: bigint };

/** The first cap a claim of `amountFen` would break, with the room it had left (never below 0); null when it fits every cap. */
export function brokenCap(caps: readonly AidCap[], amountFen: bigint): { cap: AidCap; roomFen: bigint } | null {
  for (const cap of caps) {
    const room = cap.limitFen - cap.givenFen;
    if (amountFen > room) return { cap, roomFen: room > 0n ? room : 0n };
  }
  return null;
}

/** A cap refusal's figures in yuan, as an API error carries them: the form shows them by the amount without reading the message. */
export type CapFigures = { capYuan: number; approvedYuan: number; remainingYuan: number; requestedYuan: number };

export type CapBreach = { message: string; figures: CapFigures };

/**
 * Null when `amountFen` fits every cap; otherwise the refusal, naming the
 * first cap it would break, the year, what was already given and the room
 * left, in words and in figures. Integer fen throughout: exactly the limit
 * passes, one fen more does not.
 */
export function capBreach(caps: readonly AidCap[], amountFen: bigint, year: number): CapBreach | null {
  const broken = brokenCap(caps, amountFen);
  if (!broken) return null;
  const { cap, roomFen } = broken;
  return {
    message: `超出帮扶上限“${cap.label}”：${year} 年上限 ${formatYuan(cap.limitFen)} 元，已批准 ${formatYuan(cap.givenFen)} 元，剩余 ${formatYuan(roomFen)} 元，本次 ${formatYuan(amountFen)} 元`,
    figures: { capYuan: fenToYuan(cap.limitFen), approvedYuan: fenToYuan(cap.givenFen), remainingYuan: fenToYuan(roomFen), requestedYuan: fenToYuan(amountFen) },
  };
}

/** "8400.5" (numeric as both engines return it) → 840050n, exactly: no float on the way. */
export function yuanTextToFen(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text.trim());
  if (!match) throw new Error(`not an amount of yuan: ${text}`);
  const fen = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** A cap in months of 低保: months (rule value scaled by 10000) × the monthly standard, floored to the fen. */
export const dibaoMonthsFen = (monthsScaled: bigint, dibaoMonthlyFen: bigint): bigint => floorDiv(monthsScaled * dibaoMonthlyFen, RATIO_SCALE);
