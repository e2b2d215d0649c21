/**
 * The file rows earlier runs of an import committed, as ranges (one per batch).
 * Asked about rows in ascending order, as a file is read: each question moves
 * a cursor forward, so a million rows cost a million steps at most.
 */
export class CommittedRanges {
  private cursor = 0;

  constructor(private readonly ranges: ReadonlyArray<{ first: number; last: number }>) {}

  /** Whether `row` lies in a committed range. Rows must be asked in ascending order. */
  covers(row: number): boolean {
    while (this.cursor < this.ranges.length && this.ranges[this.cursor]!.last < row) this.cursor += 1;
    const range = this.ranges[this.cursor];
    return range !== undefined && range.first <= row;
  }
}
