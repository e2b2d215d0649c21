import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy';

const check = (password: string, phone?: string) => checkPasswordPolicy(password, { login: 'wangfang', phone: phone ?? null });

describe('password policy', () => {
  it('accepts a long enough password with three character classes, or a long passphrase', () => {
    expect(check('Zhigong-Jia-2026')).toBeNull();
    expect(check('tuanjie yu fendou xiangqian')).toBeNull();
  });

  it('refuses short ones and ones with too few character classes', () => {
    expect(check('Ab1!')).toBe('密码至少 12 位');
    expect(check('abcdefgxyzuv')).toMatch(/至少三类/);
  });

  it('refuses passwords containing the login or the phone number', () => {
    expect(check('Wangfang!2026x')).toBe('密码不得包含账号');
    expect(check('Mima#13800138000', '13800138000')).toBe('密码不得包含手机号码');
  });

  it('refuses common passwords dressed up with case, symbols and a year', () => {
    expect(check('P@ssw0rd2026!')).toMatch(/过于常见/);
    expect(check('Woaini1314!!ab')).toMatch(/过于常见/);
    expect(check('Qwertyuiop12!')).toMatch(/过于常见/);
    expect(check('Aa1!aaaaaaaaaa')).toMatch(/过于常见/);
    expect(check('X9!12345678abc')).toMatch(/过于常见/);
  });
});
