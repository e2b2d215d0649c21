import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packStrings, unpackStrings } from './packed-strings';

describe('packed strings', () => {
  it('unpack what was packed: any strings, empty ones, nulls, lone surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('\uD800'))), { maxLength: 50 }), (values) => {
        expect(unpackStrings(packStrings(values))).toEqual(values);
      }),
    );
  });

  it('keep a null apart from an empty string', () => {
    expect(unpackStrings(packStrings([null, '', 'a']))).toEqual([null, '', 'a']);
  });

  it('refuse lengths that do not account for the whole text', () => {
    expect(() => unpackStrings({ text: 'abc', lengths: Int32Array.of(1) })).toThrow(/left over/);
  });
});
