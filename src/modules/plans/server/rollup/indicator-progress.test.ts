import { describe, expect, it } from 'vitest';
import { indicatorProgress, meanCompletion, worstProgress } from './indicator-progress';

describe('indicator progress', () => {
  it('measures floors as a share of the target and judges each comparator', () => {
    expect(indicatorProgress(40, 17, 'eq')).toEqual({ completion: 42.5, isMet: false });
    expect(indicatorProgress(12, 4, 'gte')).toEqual({ completion: 33.3, isMet: false });
    expect(indicatorProgress(100, 100, 'gte')).toEqual({ completion: 100, isMet: true });
    expect(indicatorProgress(100, 100, 'gt')).toEqual({ completion: 100, isMet: false });
    expect(indicatorProgress(5, 3, 'lte')).toEqual({ completion: null, isMet: true });
    expect(indicatorProgress(5, 5, 'lt')).toEqual({ completion: null, isMet: false });
  });

  it('has nothing to say without a target or without figures', () => {
    expect(indicatorProgress(null, 3, 'eq')).toEqual({ completion: null, isMet: false });
    expect(indicatorProgress(10, null, 'eq')).toEqual({ completion: null, isMet: false });
    expect(indicatorProgress(0, 3, 'eq')).toEqual({ completion: null, isMet: true });
  });

  it('averages completions capped at 100 and picks the worst stated progress', () => {
    expect(meanCompletion([150, 50, null])).toBe(75);
    expect(meanCompletion([null])).toBeNull();
    expect(worstProgress(['done', 'on_track', 'at_risk'])).toBe('at_risk');
    expect(worstProgress(['done', 'blocked'])).toBe('blocked');
    expect(worstProgress([])).toBeNull();
  });
});
