import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32';
import { generateTotpSecret, hotp, otpauthUri, totpCode, totpStep, verifyTotp } from './totp';

// The RFC 4226 Appendix D and RFC 6238 Appendix B (SHA-1) shared secret.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_SECRET_BASE32 = base32Encode(RFC_SECRET);

describe('hotp', () => {
  // RFC 4226 Appendix D, counters 0..9.
  const APPENDIX_D = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

  it.each(APPENDIX_D.map((code, counter) => [counter, code] as const))(
    'counter %i gives %s (RFC 4226 Appendix D)',
    (counter, code) => {
      expect(hotp(RFC_SECRET, counter)).toBe(code);
      expect(hotp(RFC_SECRET, BigInt(counter))).toBe(code);
    },
  );

  it('keeps leading zeros', () => {
    // RFC 6238 Appendix B, T = 1111111109: 07081804 — the 8-digit code starts with 0.
    expect(hotp(RFC_SECRET, 0x23523ec, 8)).toBe('07081804');
  });

  it('refuses digit counts RFC 4226 §5.3 does not define, and counters outside 8 bytes', () => {
    expect(() => hotp(RFC_SECRET, 0, 5)).toThrow(RangeError);
    expect(() => hotp(RFC_SECRET, 0, 9)).toThrow(RangeError);
    expect(() => hotp(RFC_SECRET, -1)).toThrow(RangeError);
    expect(() => hotp(RFC_SECRET, 1.5)).toThrow(RangeError);
    expect(() => hotp(RFC_SECRET, 1n << 64n)).toThrow(RangeError);
    expect(hotp(RFC_SECRET, (1n << 64n) - 1n)).toMatch(/^\d{6}$/);
  });
});

describe('totpCode', () => {
  // RFC 6238 Appendix B, SHA-1 rows.
  const APPENDIX_B: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it.each(APPENDIX_B)('T = %i s gives %s with 8 digits (RFC 6238 Appendix B)', (seconds, code) => {
    expect(totpCode(RFC_SECRET_BASE32, new Date(seconds * 1000), { digits: 8 })).toBe(code);
  });

  it.each(APPENDIX_B)('T = %i s gives the last 6 digits by default', (seconds, code) => {
    expect(totpCode(RFC_SECRET_BASE32, new Date(seconds * 1000))).toBe(code.slice(-6));
  });

  it('counts 30-second steps from the Unix epoch', () => {
    expect(totpStep(new Date(59_000))).toBe(1);
    expect(totpStep(new Date(60_000))).toBe(2);
    expect(totpStep(new Date(1111111109_000))).toBe(0x23523ec);
    expect(totpStep(new Date(60_000), 60)).toBe(1);
    expect(() => totpStep(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('generateTotpSecret', () => {
  it('is 160 random bits in base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  const now = new Date(1_700_000_015_000); // mid-step
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => totpCode(RFC_SECRET_BASE32, new Date(now.getTime() + offsetSteps * 30_000));

  it('the five codes around `now` are distinct (guards the tests below)', () => {
    expect(new Set([-2, -1, 0, 1, 2].map(codeAt)).size).toBe(5);
  });

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(0), now)).toEqual({ ok: true, step });
  });

  it('accepts the previous and the next step within the default window', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(-1), now)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(1), now)).toEqual({ ok: true, step: step + 1 });
  });

  it('rejects codes two steps away', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(-2), now)).toEqual({ ok: false, replayed: false });
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(2), now)).toEqual({ ok: false, replayed: false });
  });

  it('honours a narrower or wider window', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(-1), now, { window: 0 }).ok).toBe(false);
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(-2), now, { window: 2 })).toEqual({ ok: true, step: step - 2 });
    expect(() => verifyTotp(RFC_SECRET_BASE32, codeAt(0), now, { window: -1 })).toThrow(RangeError);
    expect(() => verifyTotp(RFC_SECRET_BASE32, codeAt(0), now, { window: 11 })).toThrow(RangeError);
  });

  it('rejects a replay of the step already used, and flags it as a replay', () => {
    const first = verifyTotp(RFC_SECRET_BASE32, codeAt(0), now);
    expect(first).toEqual({ ok: true, step });
    const lastUsedStep = first.ok ? first.step : null;
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(0), now, { lastUsedStep })).toEqual({ ok: false, replayed: true });
    // Still refused ten seconds later, while the code is still inside the window.
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(0), new Date(now.getTime() + 10_000), { lastUsedStep }).ok).toBe(false);
  });

  it('rejects an older step once a newer one was used, but accepts the next one', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(-1), now, { lastUsedStep: step })).toEqual({ ok: false, replayed: true });
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(1), now, { lastUsedStep: step })).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp(RFC_SECRET_BASE32, codeAt(0), now, { lastUsedStep: null })).toEqual({ ok: true, step });
  });

  it('tolerates spaces and full-width digits', () => {
    const code = codeAt(0);
    expect(verifyTotp(RFC_SECRET_BASE32, `${code.slice(0, 3)} ${code.slice(3)}`, now).ok).toBe(true);
    expect(verifyTotp(RFC_SECRET_BASE32, ` ${code}\t`, now).ok).toBe(true);
    const fullWidth = [...code].map((digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)).join('');
    expect(verifyTotp(RFC_SECRET_BASE32, fullWidth, now).ok).toBe(true);
  });

  it('rejects wrong, short, long and non-numeric input', () => {
    const code = codeAt(0);
    const wrong = `${code.slice(0, 5)}${(Number(code.at(-1)) + 1) % 10}`;
    for (const input of [wrong, code.slice(0, 5), `${code}0`, '', 'abcdef', `${code.slice(0, 5)}x`]) {
      expect(verifyTotp(RFC_SECRET_BASE32, input, now)).toEqual({ ok: false, replayed: false });
    }
  });

  it('accepts, at any moment, the code an app would show then', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (at) => {
        const secret = RFC_SECRET_BASE32;
        expect(verifyTotp(secret, totpCode(secret, at), at)).toEqual({ ok: true, step: totpStep(at) });
      }),
    );
  });
});

describe('otpauthUri', () => {
  const secret = generateTotpSecret();

  it('round-trips a Chinese issuer through new URL()', () => {
    const uri = otpauthUri({ issuer: '工会工作平台', accountName: 'zhang.san@example.cn', secret });
    // Only ASCII leaves the function: every non-ASCII character is percent-encoded.
    expect(uri).toMatch(/^[\x21-\x7e]+$/);
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname.slice(1))).toBe('工会工作平台:zhang.san@example.cn');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('工会工作平台');
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
  });

  it('has the documented shape', () => {
    expect(otpauthUri({ issuer: 'ACME Co', accountName: 'li si', secret: 'jbsw y3dp ehpk 3pxp' })).toBe(
      'otpauth://totp/ACME%20Co:li%20si?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('percent-encodes characters that would otherwise end the label or a parameter', () => {
    const url = new URL(otpauthUri({ issuer: 'A&B?#/', accountName: 'x%y', secret }));
    expect(url.searchParams.get('issuer')).toBe('A&B?#/');
    expect(decodeURIComponent(url.pathname.slice(1))).toBe('A&B?#/:x%y');
    expect(url.hash).toBe('');
  });

  it('refuses a colon or an empty issuer/account, and an invalid secret', () => {
    expect(() => otpauthUri({ issuer: 'a:b', accountName: 'x', secret })).toThrow(/colon/);
    expect(() => otpauthUri({ issuer: 'a', accountName: 'x:y', secret })).toThrow(/colon/);
    expect(() => otpauthUri({ issuer: ' ', accountName: 'x', secret })).toThrow(/non-empty/);
    expect(() => otpauthUri({ issuer: 'a', accountName: 'x', secret: 'not base32!' })).toThrow(/base32/);
  });
});
