import { describe, expect, it } from 'vitest';
import { CommittedRanges } from './committed-ranges';

describe('CommittedRanges', () => {
  it('answers for rows asked in ascending order, across gaps left by batches that did not commit', () => {
    // Two writers: batches 1–5 and 11–15 committed, 6–10 was in flight when the process died.
    const ranges = new CommittedRanges([
      { first: 1, last: 5 },
      { first: 11, last: 15 },
    ]);
    const covered = Array.from({ length: 18 }, (_, index) => index + 1).filter((row) => ranges.covers(row));
    expect(covered).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 14, 15]);
  });

  it('covers nothing for a job that has not committed a batch', () => {
    const ranges = new CommittedRanges([]);
    expect([1, 2, 1_000_000].some((row) => ranges.covers(row))).toBe(false);
  });
});
