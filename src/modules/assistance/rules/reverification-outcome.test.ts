import { describe, expect, it } from 'vitest';
import { reverificationOutcome } from './reverification-outcome';

describe('annual re-verification outcome (应建则建、应帮尽帮、应退则退)', () => {
  it('keeps a household in the same tier', () => {
    expect(reverificationOutcome('deep', 'deep')).toBe('keep');
    expect(reverificationOutcome('relative', 'relative')).toBe('keep');
    expect(reverificationOutcome('accident', 'accident')).toBe('keep');
  });
  it('changes the tier when the household now qualifies in another one', () => {
    expect(reverificationOutcome('relative', 'deep')).toBe('change_tier');
    expect(reverificationOutcome('deep', 'relative')).toBe('change_tier');
    expect(reverificationOutcome('accident', 'relative')).toBe('change_tier');
  });
  it('proposes exit when no tier applies any more, or an exclusion does', () => {
    expect(reverificationOutcome('relative', 'none')).toBe('exit');
    expect(reverificationOutcome('deep', 'excluded')).toBe('exit');
  });
});
