import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { dateArray, intArray, textArray } from './binary-array';
import { describeEachEngine, useFreshDatabase } from './testing';

/** The server reads back exactly the arrays the binary parameters carry. */
describeEachEngine('binary array parameters', (engine) => {
  const database = useFreshDatabase(engine);

  it('text[]: any text, empty strings, nulls and quotes arrive as they were', async () => {
    const values = ['王伟', '', null, 'a"b\\c,{d}', 'NULL', '𠀀 emoji 😀', ' spaced '];
    const result = await sql<{ value: string[] }>`select ${textArray(values)}::text[] as value`.execute(database().kysely);
    expect(result.rows[0]!.value).toEqual(values);
  });

  it('text[]: room grows for characters of several bytes, before and after nulls', async () => {
    const values = ['\u3000', null, '工会'.repeat(500), 'x', null, '😀'.repeat(100)];
    const result = await sql<{ value: string[] }>`select ${textArray(values)}::text[] as value`.execute(database().kysely);
    expect(result.rows[0]!.value).toEqual(values);
  });

  it('text[]: arbitrary strings round-trip (property)', async () => {
    const db = database().kysely;
    // Without U+0000, which PostgreSQL text cannot hold.
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((value) => !value.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 30 }), async (values) => {
        const result = await sql<{ value: Array<string | null> }>`select ${textArray(values)}::text[] as value`.execute(db);
        expect(result.rows[0]!.value).toEqual(values);
      }),
      { numRuns: 40 },
    );
  });

  it('int[] and date[] arrive as numbers and dates, in an unnest beside text[]', async () => {
    const result = await sql<{ id: number; on: string; name: string }>`
      select id, on_day::text as on, name
      from unnest(${intArray([1, -7, 2_147_483_647])}::int[], ${dateArray(['2000-01-01', '1969-12-31', '2024-02-29'])}::date[], ${textArray(['甲', '乙', '丙'])}::text[])
        as t(id, on_day, name)`.execute(database().kysely);
    expect(result.rows).toEqual([
      { id: 1, on: '2000-01-01', name: '甲' },
      { id: -7, on: '1969-12-31', name: '乙' },
      { id: 2_147_483_647, on: '2024-02-29', name: '丙' },
    ]);
  });

  it('date[]: any calendar date from year 1 to 9999 arrives as itself (property)', async () => {
    const db = database().kysely;
    const day = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 1, maxLength: 30 }), async (values) => {
        const result = await sql<{ value: string[] }>`select array(select to_char(d, 'YYYY-MM-DD') from unnest(${dateArray(values)}::date[]) as d) as value`.execute(db);
        expect(result.rows[0]!.value).toEqual(values);
      }),
      { numRuns: 40 },
    );
  });

  it('an empty array is an empty array; nulls are nulls', async () => {
    const result = await sql<{ texts: string[]; ints: Array<number | null>; dates: Array<string | null> }>`
      select ${textArray([])}::text[] as texts, ${intArray([null, 3])}::int[] as ints, ${dateArray([null])}::date[]::text[] as dates`.execute(database().kysely);
    expect(result.rows[0]).toEqual({ texts: [], ints: [null, 3], dates: [null] });
  });

  it('refuses what is not an int4 or not a calendar date before anything is sent', () => {
    expect(() => intArray([2_147_483_648])).toThrow(RangeError);
    expect(() => intArray([1.5])).toThrow(RangeError);
    expect(() => dateArray(['2023-02-29'])).toThrow('not a date: 2023-02-29');
    expect(() => dateArray(['2023-13-01'])).toThrow(RangeError);
    expect(() => dateArray(['2023/01/01'])).toThrow(RangeError);
  });
});
