import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskMobile, parseMobile } from './mobile';

function expectFailure(input: string, code: string): string {
  const result = parseMobile(input);
  expect(result).toMatchObject({ ok: false, code });
  return result.ok ? '' : result.message;
}

describe('parseMobile', () => {
  it('accepts a plain 11-digit number', () => {
    expect(parseMobile('13800138000')).toEqual({ ok: true, value: { mobile: '13800138000' } });
  });

  it('strips +86, 0086, 86, dashes, spaces and converts full-width characters', () => {
    for (const input of [
      '+86 138-0013-8000',
      '+8613800138000',
      '8613800138000',
      '0086 138 0013 8000',
      '138-0013-8000',
      '１３８００１３８０００',
      '＋８６　１３８－００１３－８０００',
      ' 13800138000\t',
      '\uFEFF138 0013 8000\u00A0',
    ]) {
      const result = parseMobile(input);
      expect(result.ok && result.value.mobile, JSON.stringify(input)).toBe('13800138000');
    }
  });

  it('accepts every second digit 3–9', () => {
    for (const second of '3456789') {
      expect(parseMobile(`1${second}800138000`).ok).toBe(true);
    }
  });

  it('MOBILE_REQUIRED for empty input', () => {
    expect(expectFailure('', 'MOBILE_REQUIRED')).toBe('请填写手机号码');
    expectFailure(' - ', 'MOBILE_REQUIRED');
  });

  it('MOBILE_FORMAT for a wrong second digit or first digit', () => {
    expect(expectFailure('12800138000', 'MOBILE_FORMAT')).toContain('第二位为 3–9');
    expectFailure('11800138000', 'MOBILE_FORMAT');
    expectFailure('23800138000', 'MOBILE_FORMAT');
  });

  it('MOBILE_FORMAT for a wrong length, naming it', () => {
    expect(expectFailure('1380013800', 'MOBILE_FORMAT')).toContain('当前为 10 位');
    expectFailure('138001380001', 'MOBILE_FORMAT');
  });

  it('does not strip 86 when the rest is not 11 digits', () => {
    expect(expectFailure('861380013800', 'MOBILE_FORMAT')).toContain('当前为 12 位');
  });

  it('MOBILE_FORMAT for letters and other symbols', () => {
    expect(expectFailure('138oo138000', 'MOBILE_FORMAT')).toContain('只能包含数字');
    expectFailure('(138)00138000', 'MOBILE_FORMAT');
    expectFailure('+85213800138000', 'MOBILE_FORMAT');
  });

  it('accepts exactly the strings 1[3-9]ddddddddd', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (digits) => {
        expect(parseMobile(digits).ok).toBe(/^1[3-9]/.test(digits));
      }),
    );
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });

  it('cleans up the input first', () => {
    expect(maskMobile('+86 138-0013-8000')).toBe('138****8000');
  });

  it('masks anything that is not a valid mobile completely', () => {
    expect(maskMobile('12345')).toBe('*****');
    expect(maskMobile('02988886666')).toBe('***********');
  });
});
