/**
 * Allocating a target down (指标分解) is a judgement, not arithmetic: a city
 * may pass on more than it was given (to leave a margin) or less (keeping
 * part for its own 市直 unions). So a sum that differs from the target is
 * allowed; falling short is flagged, because then the target can be missed
 * even if every union below meets its share.
 */
export function allocationWarning(input: { target: number | null; allocated: number; recipients: number; unit: string }): {
  isUnderAllocated: boolean;
  message: string | null;
} {
  const { target, allocated, recipients, unit } = input;
  if (target === null || recipients === 0 || allocated >= target) return { isUnderAllocated: false, message: null };
  const format = (value: number) => `${Number(value.toFixed(2))}${unit}`;
  return {
    isUnderAllocated: true,
    message: `已分解 ${format(allocated)}，少于本级目标 ${format(target)}，尚有 ${format(target - allocated)} 未分解到下级`,
  };
}
