import { FieldCipherError } from './errors';

/**
 * Contexts name the column a value belongs to, e.g. 'person.id_number'. They
 * are constants in code, and a typo or a stray space would make every value of
 * a column fail to open (or fail to match its blind index) without an obvious
 * cause, so they are limited to a visible ASCII identifier alphabet. The
 * alphabet excludes NUL, which blind-index.ts uses as the separator between
 * context and value.
 */
const CONTEXT = /^[A-Za-z0-9_.:/-]{1,128}$/;

/** Throws a TypeError (a programming error, not a user error) for an unusable context. */
export function assertContext(context: string): void {
  if (typeof context !== 'string' || !CONTEXT.test(context)) {
    throw new TypeError(
      `加密上下文应为 1–128 个字母、数字或 _ . : / - 组成的字段名（如 'person.id_number'），实际为 ${JSON.stringify(context)}`,
    );
  }
}

// In a `u` regex, a surrogate pair is one code point, so \p{Cs} matches only unpaired surrogates.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Rejects strings with unpaired UTF-16 surrogates. UTF-8 encoding would turn
 * them into U+FFFD, so the value would not survive a round trip (and two
 * different inputs would share a blind index). JSON request bodies can carry
 * them ("\ud800"), so this is a user-reachable error.
 */
export function assertWellFormed(text: string, what: string): void {
  if (typeof text !== 'string') {
    throw new FieldCipherError('MALFORMED', `${what}应为字符串`);
  }
  if (LONE_SURROGATE.test(text)) {
    throw new FieldCipherError('MALFORMED', `${what}含有不成对的 UTF-16 代理项，不是有效的 Unicode 文本`);
  }
}
