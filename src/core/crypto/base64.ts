/**
 * Strict base64 / base64url decoding. Node's Buffer.from(text, 'base64')
 * skips characters it does not know and ignores the spare low bits of the last
 * character, so two different strings can decode to the same bytes. For
 * envelopes that would let a changed character still verify; for key files it
 * would hide typos. Only the canonical encoding of some byte string is accepted.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The bytes of a canonical, padded base64 string (RFC 4648 §4), else undefined. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** The bytes of a canonical, unpadded base64url string (RFC 4648 §5), else undefined. */
export function decodeBase64Url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

export function encodeBase64Url(bytes: Buffer): string {
  return bytes.toString('base64url');
}
