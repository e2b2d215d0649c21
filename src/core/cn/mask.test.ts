import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMiddle } from './mask';

describe('maskIdNumber', () => {
  it('shows the first 3 and last 4 characters of an 18-character number', () => {
    const masked = maskIdNumber('61010419850312123X');
    expect(masked).toBe('610***********123X');
    expect(masked).toHaveLength(18);
    expect(masked.match(/\*/g)).toHaveLength(11);
  });

  it('normalizes before masking (lower-case x, spaces, full-width)', () => {
    expect(maskIdNumber(' 610104 19850312 123x ')).toBe('610***********123X');
    expect(maskIdNumber('６１０１０４１９８５０３１２１２３６')).toBe('610***********1236');
  });

  it('masks a legacy 15-digit number the same way', () => {
    expect(maskIdNumber('610104850312123')).toBe('610********2123');
  });
});

describe('maskMiddle', () => {
  it('masks values too short to hide anything completely', () => {
    expect(maskMiddle('1234567', 3, 4)).toBe('*******');
    expect(maskMiddle('', 3, 4)).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskMiddle('𠀀工会主席𠀀', 1, 1)).toBe('𠀀****𠀀');
  });
});
