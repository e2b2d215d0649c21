/**
 * Password rules for staff (等保 level 3 身份鉴别, GB/T 22239 8.1.4.1; security.md §1.1):
 * at least 12 characters with three of four character classes, or 16 and more;
 * never the login itself. The breached-list check comes with the access issue.
 */
export function checkPasswordPolicy(password: string, context: { login: string }): string | null {
  if (password.length < 12) {
    return '密码至少 12 位';
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (password.length < 16 && classes < 3) {
    return '密码须包含大写字母、小写字母、数字、符号中的至少三类（16 位及以上可不限）';
  }
  if (password.toLowerCase().includes(context.login.toLowerCase())) {
    return '密码不得包含账号';
  }
  return null;
}
