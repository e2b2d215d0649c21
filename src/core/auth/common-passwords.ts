/**
 * Passwords that appear at the top of every leaked-password list, and the
 * Chinese favourites (pinyin, dates, keyboard walks). A password that contains
 * one of these as its core is refused (NIST SP 800-63B §5.1.1.2; security.md §1.1).
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456', '12345678', '123456789', '1234567890', '111111', '000000', '666666', '888888', '123123', '654321',
  '112233', '121212', '147258', '147258369', '159357', '123321', '520520', '5201314', '1314520', '1qaz2wsx',
  '1q2w3e4r', '1q2w3e', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'abc123',
  'abcdef', 'abcd1234', 'a123456', 'aa123456', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'admin', 'administrator',
  'root', 'welcome', 'letmein', 'iloveyou', 'woaini', 'woaini1314', 'woaini520', 'wangyi', 'zhangwei', 'wangwei',
  'liwei', 'huawei', 'xiaomi', 'baidu', 'tencent', 'taobao', 'alibaba', 'shanghai', 'beijing', 'xian',
  'shaanxi', 'shanxi', 'zhongguo', 'china', 'gonghui', 'zonggonghui', 'ghgzpt', 'sxgh', 'sxzgh', 'dragon',
  'monkey', 'master', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'batman', 'trustno1', 'changeme',
  'default', 'guest', 'test', 'test123', 'qq123456', 'q123456', 'w123456', 'z123456', 'a1b2c3', 'a1b2c3d4',
  'aaaaaa', 'abcabc', 'qweasd', 'qweasdzxc', '1qazxsw2', 'zaq12wsx', '!qaz2wsx', 'admin123', 'admin888', 'root123',
];

const SEQUENCES = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The password lowercased, with symbols and trailing digits (a year, "123") stripped. */
const core = (password: string) =>
  password
    .toLowerCase()
    .replace(/[^a-z0-9@$]/g, '')
    .replace(/\d+$/, '');

// p@ssw0rd -> password: the substitutions everyone tries first.
const LEET: Record<string, string> = { '@': 'a', $: 's', '0': 'o', '1': 'i', '3': 'e', '5': 's', '7': 't' };
const unleet = (text: string) => text.replace(/[@$013457]/g, (char) => LEET[char] ?? char);

const isBuiltAround = (candidate: string) =>
  COMMON_PASSWORDS.some(
    (common) => candidate === common || (common.length >= 6 && candidate.includes(common) && candidate.length - common.length <= 4),
  );

/** True when the password is built around a common password or a keyboard or alphabet run. */
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  const stripped = core(password);
  if (isBuiltAround(stripped) || isBuiltAround(unleet(stripped)) || isBuiltAround(lowered.replace(/[^a-z0-9]/g, ''))) {
    return true;
  }
  // Long runs of one character or of a sequence (aaaaaaaa, 12345678, qwertyui).
  if (/(.)\1{5,}/.test(lowered)) return true;
  return SEQUENCES.some((sequence) => {
    for (let start = 0; start + 8 <= sequence.length; start += 1) {
      if (lowered.includes(sequence.slice(start, start + 8))) return true;
    }
    return false;
  });
}
