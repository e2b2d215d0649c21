import type { HardshipTier } from '../../contract';
import { toScaled, RATIO_SCALE, yuanToFen } from '../../rules/money';
import type { CheckLevel, FileLevel } from '../../vocabulary';

export type FileLevelInput = {
  tier: HardshipTier;
  perCapitaMonthly: number;
  dibaoMonthly: number;
  /** A member (the worker included) with a serious illness or a disability. */
  hasIllnessOrDisability: boolean;
  /** Which higher union checked the finances; null when unknown (a file from before the route was recorded). */
  checkLevel: CheckLevel | null;
  /** national_file_multiple: 全国级 up to this multiple of 低保 with an illness or disability. */
  nationalMultiple: number;
};

/**
 * 档案级别 at filing, after 《困难职工档案管理办法》(总工办〔2016〕36号, as
 * implemented in 云南, domain.md §2.1): a 全国级 file when the household lives
 * below 低保 (the 深度困难 tier: criteria 1 and 2 of the 办法, the households the
 * 中央财政专项帮扶资金 serves), or only slightly above it — up to
 * `nationalMultiple` × 低保 — with a serious illness or disability (criterion 3).
 * Otherwise the file sits at the level of the union that checked the finances:
 * 区县级 or 地市级. Compared in fen, exactly (rules/money.ts).
 */
export function fileLevelOf(input: FileLevelInput): FileLevel {
  if (input.tier === 'deep') return 'national';
  const perCapita = yuanToFen(input.perCapitaMonthly);
  const dibao = yuanToFen(input.dibaoMonthly);
  if (input.hasIllnessOrDisability && perCapita * RATIO_SCALE <= toScaled(input.nationalMultiple) * dibao) return 'national';
  return input.checkLevel === 'city' ? 'city' : 'county';
}
