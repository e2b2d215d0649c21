import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FirstRowById } from './first-row-by-id';

const indexOf = (value: number) => createHmac('sha256', 'k').update(String(value)).digest('hex');

describe('FirstRowById', () => {
  it('answers the first row of each ID number, across many more keys than it started with', () => {
    const firstRows = new FirstRowById(4);
    for (let row = 1; row <= 50_000; row += 1) expect(firstRows.claim(indexOf(row), row)).toBe(row);
    expect(firstRows.size).toBe(50_000);
    // A second sighting answers the first row and records nothing.
    expect(firstRows.claim(indexOf(7), 60_001)).toBe(7);
    expect(firstRows.claim(indexOf(49_999), 60_002)).toBe(49_999);
    expect(firstRows.size).toBe(50_000);
  });

  it('tells apart keys that fall into the same slot', () => {
    const firstRows = new FirstRowById(16);
    // The same low 32 bits (the slot), different high bits.
    expect(firstRows.claim('00000001' + 'abcdef01' + '0'.repeat(48), 1)).toBe(1);
    expect(firstRows.claim('00000002' + 'abcdef01' + '0'.repeat(48), 2)).toBe(2);
    expect(firstRows.claim('00000001' + 'abcdef01' + 'f'.repeat(48), 3)).toBe(1);
    expect(firstRows.size).toBe(2);
  });

  it('refuses a row number it could not tell from an empty slot', () => {
    expect(() => new FirstRowById().claim(indexOf(1), 0)).toThrow('行号必须为正数');
  });
});
