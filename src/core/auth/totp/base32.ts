/**
 * RFC 4648 §6 base32 — the encoding authenticator apps expect for the
 * `secret` of an otpauth:// URI and for secrets typed in by hand.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Encodes without `=` padding: otpauth:// URIs and apps omit it (RFC 4648 §3.2 lets a specification do so). */
export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    // Keep only the bits not yet written, so `buffer` never outgrows 32 bits.
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) {
    // The last group is padded with zero bits on the right (RFC 4648 §6).
    output += ALPHABET[(buffer << (5 - bits)) & 31];
  }
  return output;
}

/**
 * Decodes base32 as people type it: lower case, spaces (apps show secrets in
 * groups of four) and trailing `=` padding are accepted. Any other character
 * throws, as RFC 4648 §3.3 asks of decoders, rather than silently yielding a
 * different secret.
 */
export function base32Decode(text: string): Buffer {
  const cleaned = text.replace(/\s+/g, '').toUpperCase().replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of cleaned) {
    const value = VALUE_OF.get(char);
    if (value === undefined) {
      throw new Error(`base32: invalid character ${JSON.stringify(char)}`);
    }
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  // Checked after the characters, so a stray character is reported as such.
  // A length of 1, 3 or 6 (mod 8) cannot come from any whole number of bytes
  // (RFC 4648 §6 lists the only possible final quanta): input was truncated.
  if ([1, 3, 6].includes(cleaned.length % 8)) {
    throw new Error(`base32: impossible length ${cleaned.length}`);
  }
  // Leftover (< 8) bits are the zero padding of the last quantum; they are
  // ignored rather than rejected (RFC 4648 §3.5 leaves that to the decoder).
  return Buffer.from(bytes);
}
