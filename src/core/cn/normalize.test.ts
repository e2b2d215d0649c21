import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizeText, toHalfWidth } from './normalize';

describe('toHalfWidth', () => {
  it('maps full-width letters, digits and punctuation to ASCII', () => {
    expect(toHalfWidth('ＡＢＣｘｙｚ０１２３４５６７８９！～（）－＋')).toBe('ABCxyz0123456789!~()-+');
  });

  it('maps the ideographic space to an ordinary space and leaves CJK text alone', () => {
    expect(toHalfWidth('陕西省\u3000总工会')).toBe('陕西省 总工会');
    expect(toHalfWidth('工会。、《》')).toBe('工会。、《》');
  });

  it('converts full-width CJK-style punctuation that lies in U+FF01–U+FF5E (，：；！？) as well', () => {
    // A consequence of the rule, not an accident: these are the full-width forms of ASCII , : ; ! ?
    expect(toHalfWidth('您好，工会：是！')).toBe('您好,工会:是!');
  });

  it('inverts the full-width mapping for every printable ASCII character (U+0021–U+007E)', () => {
    for (let cp = 0x21; cp <= 0x7e; cp++) {
      expect(toHalfWidth(String.fromCharCode(cp + 0xfee0))).toBe(String.fromCharCode(cp));
    }
  });
});

describe('normalizeText', () => {
  it('collapses whitespace runs (tabs, newlines, NBSP, ideographic space) and trims', () => {
    expect(normalizeText('  张\u3000\u3000三\t\n工会\u00A0 主席  ')).toBe('张 三 工会 主席');
  });

  it('removes zero-width characters and a BOM', () => {
    expect(normalizeText('\uFEFF西安\u200B市\u200C总\u200D工会')).toBe('西安市总工会');
  });

  it('converts full-width characters', () => {
    expect(normalizeText('第１车间（二班）')).toBe('第1车间(二班)');
  });

  it('is idempotent and never leaves double, leading or trailing spaces', () => {
    const piece = fc.constantFrom('a', '工', '１', ' ', '\u3000', '\t', '\n', '\u00A0', '\u200B', '\uFEFF', 'Ｘ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const out = normalizeText(pieces.join(''));
        expect(normalizeText(out)).toBe(out);
        expect(out).not.toMatch(/ {2}|^\s|\s$|[\u200B-\u200D\uFEFF\u3000\t\n\u00A0]/);
      }),
    );
  });
});

describe('normalizeCode', () => {
  it('removes all whitespace and zero-width characters, converts full-width and upper-cases', () => {
    expect(normalizeCode(' ６１０１\u3000０４ 1985\t0312\u200B123x\uFEFF\n')).toBe('61010419850312123X');
  });

  it('upper-cases letters of credit codes', () => {
    expect(normalizeCode('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('never leaves whitespace or lower-case ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('ａ', 'ｘ', '\u3000', '\u00A0', '\u200B', '\t'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }), (s) => {
        expect(normalizeCode(s)).not.toMatch(/[\sa-z]/);
      }),
    );
  });
});

describe('values with nothing to clean (the fast path)', () => {
  // The full passes, as they run for any value that needs them: the fast path must agree.
  const fullText = (text: string) => toHalfWidth(text).replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
  const fullCode = (text: string) => toHalfWidth(text).replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, '').toUpperCase();
  const unit = fc.oneof(
    fc.constantFrom('a', 'x', 'X', '0', '9', '-', '~', '工', '·', '１', 'ｘ', ' ', '\u3000', '\u00A0', '\u200B', '\uFEFF', '\t', '\u2028', '\u007F', '\uFF5F'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );

  it('gives what the full passes give, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        expect(normalizeText(text)).toBe(fullText(text));
        expect(normalizeCode(text)).toBe(fullCode(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('returns an ID number, a phone and a Chinese name as they are', () => {
    expect(normalizeCode('61011319650101002X')).toBe('61011319650101002X');
    expect(normalizeCode('13100000002')).toBe('13100000002');
    expect(normalizeText('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });
});
