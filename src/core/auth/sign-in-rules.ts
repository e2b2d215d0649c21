/**
 * Lockout rule (等保 level 3 身份鉴别 8.1.4.1 b: 登录失败处理; security.md §1.1):
 * five consecutive failures lock the account for 30 minutes, during which even
 * the right password is refused.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 30;

export const isLocked = (lockedUntil: Date | null, now: Date) => lockedUntil !== null && lockedUntil.getTime() > now.getTime();

/** The account's counters after one more failure. */
export function afterFailure(failedSignIns: number, now: Date): { failedSignIns: number; lockedUntil: Date | null } {
  const failures = failedSignIns + 1;
  if (failures >= MAX_FAILED_SIGN_INS) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedSignIns: failures, lockedUntil: null };
}
