import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../../core/auth/password-policy';
import { generateInitialPassword, INITIAL_PASSWORD_LENGTH } from './initial-password';

describe('initial password', () => {
  it('is 16 characters of all four classes, passes the staff policy for its account, and never repeats', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 300; n += 1) {
      const password = generateInitialPassword({ login: 'wang.fang', phone: '13912345678' });
      expect(password).toHaveLength(INITIAL_PASSWORD_LENGTH);
      for (const pattern of [/[A-Z]/, /[a-z]/, /[2-9]/, /[@#%+=?!]/]) expect(password).toMatch(pattern);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(checkPasswordPolicy(password, { login: 'wang.fang', phone: '13912345678' })).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(300);
  });
});
