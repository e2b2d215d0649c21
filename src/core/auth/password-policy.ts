import { isCommonPassword } from './common-passwords';

/**
 * Password rules for staff (等保 level 3 身份鉴别, GB/T 22239-2019 8.1.4.1 a:
 * 口令具有复杂度要求; security.md §1.1): at least 12 characters with three of
 * four character classes, or 16 and more; not a common or leaked password;
 * not the login or the phone number, nor containing them.
 */
export function checkPasswordPolicy(password: string, context: { login: string; phone?: string | null }): string | null {
  if (password.length < 12) {
    return '密码至少 12 位';
  }
  if (password.length > 128) {
    return '密码不超过 128 位';
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (password.length < 16 && classes < 3) {
    return '密码须包含大写字母、小写字母、数字、符号中的至少三类（16 位及以上可不限）';
  }
  if (password.toLowerCase().includes(context.login.toLowerCase())) {
    return '密码不得包含账号';
  }
  const phone = context.phone?.replace(/\D/g, '');
  if (phone && phone.length >= 7 && password.replace(/\D/g, '').includes(phone.slice(-7))) {
    return '密码不得包含手机号码';
  }
  if (isCommonPassword(password)) {
    return '密码过于常见或有规律（如 123456、qwerty、键盘连续字符），请换一个';
  }
  return null;
}
