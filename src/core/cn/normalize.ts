/**
 * Text clean-up for values typed, pasted from Word/WeChat or imported from
 * Excel, where full-width characters (全角) and invisible characters are common.
 */

// Unicode "Halfwidth and Fullwidth Forms": U+FF01–U+FF5E are the full-width
// variants of ASCII U+0021–U+007E, at a fixed offset of 0xFEE0.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
// U+3000 IDEOGRAPHIC SPACE (全角空格).
const IDEOGRAPHIC_SPACE = /\u3000/g;
// ZERO WIDTH SPACE, ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER, and
// U+FEFF ZERO WIDTH NO-BREAK SPACE (the byte-order mark Excel/CSV exports leave behind).
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;
// JavaScript `\s` covers ASCII whitespace, NBSP U+00A0, U+2000–U+200A, line/paragraph separators, U+3000 …
const WHITESPACE_RUN = /\s+/g;

/** Full-width ASCII variants to ASCII; ideographic space to an ordinary space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, ' ');
}

// Values with nothing to clean, the common case, are recognised by one regex test and skip the
// four passes below: an import normalizes several values on each of a million rows.
// Free text with no whitespace (\s includes U+3000 and U+FEFF), zero-width or full-width ASCII character:
const CLEAN_TEXT = /^[^\s\u200B-\u200D\uFF01-\uFF5E]*$/;
// A code of printable ASCII only, no space:
const CLEAN_CODE = /^[\x21-\x7E]*$/;

/** For free text such as names and addresses: half-width, no zero-width chars, single spaces, trimmed. */
export function normalizeText(text: string): string {
  if (CLEAN_TEXT.test(text)) return text;
  return toHalfWidth(text).replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** For codes such as ID numbers and credit codes: half-width, no whitespace or zero-width chars at all, upper case. */
export function normalizeCode(text: string): string {
  if (CLEAN_CODE.test(text)) return text.toUpperCase();
  return toHalfWidth(text).replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, '').toUpperCase();
}
