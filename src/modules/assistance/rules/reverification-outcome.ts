import type { HardshipTier } from '../contract';
import type { ReverificationOutcome } from '../vocabulary';

/**
 * 年度复核 ("应建则建、应帮尽帮、应退则退", domain.md §2.2): a filed household
 * measured again against the rules in force. It leaves when it no longer
 * qualifies in any tier or an exclusion now applies (应退则退); it changes tier
 * when it qualifies in another one (应帮尽帮: a rise of the 低保 standard can
 * make a 相对困难 household 深度困难); otherwise it keeps its tier. A proposal
 * only: a reviewer decides, in the exit slice.
 */
export function reverificationOutcome(filedTier: HardshipTier, proposedTier: HardshipTier): ReverificationOutcome {
  if (proposedTier === 'none' || proposedTier === 'excluded') return 'exit';
  return proposedTier === filedTier ? 'keep' : 'change_tier';
}
