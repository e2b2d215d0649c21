import type { TProgressStatus, TTargetComparator } from '../../contract';

/**
 * How far an indicator is at one union. Completion is achieved ÷ target as a
 * percentage (one decimal) for targets that are floors (eq, gte, gt: 评选40名,
 * 不少于…); a ceiling (lte, lt: 控制在…以内) has no completion, only met or
 * not. Met follows the comparator's meaning (《民法典》第一千二百五十九条:
 * 以上、以下 include the number). Nothing reported: no completion, not met.
 */
export function indicatorProgress(target: number | null, achieved: number | null, comparator: TTargetComparator): { completion: number | null; isMet: boolean } {
  if (target === null || achieved === null) return { completion: null, isMet: false };
  const isMet =
    comparator === 'gt' ? achieved > target : comparator === 'lte' ? achieved <= target : comparator === 'lt' ? achieved < target : achieved >= target;
  const isFloor = comparator === 'eq' || comparator === 'gte' || comparator === 'gt';
  const completion = isFloor && target > 0 ? Math.round((achieved / target) * 1000) / 10 : null;
  return { completion, isMet };
}

/** The mean of the completions that exist, each capped at 100 (over-achieving one target does not hide another); null when none. */
export function meanCompletion(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  return Math.round((present.reduce((sum, value) => sum + Math.min(value, 100), 0) / present.length) * 10) / 10;
}

const SEVERITY: Readonly<Record<TProgressStatus, number>> = { blocked: 4, at_risk: 3, not_started: 2, on_track: 1, done: 0 };

/** The worst stated progress among reports (what a supervisor must see first); null when there are none. */
export function worstProgress(statuses: readonly TProgressStatus[]): TProgressStatus | null {
  return statuses.reduce<TProgressStatus | null>((worst, status) => (worst === null || SEVERITY[status] > SEVERITY[worst] ? status : worst), null);
}
