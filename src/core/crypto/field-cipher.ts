import { createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { SM3_DIGEST_BYTES, SM4_BLOCK_BYTES, SM4_CBC } from './algorithms';
import { decodeBase64Url, encodeBase64Url } from './base64';
import { CryptoConfigError, FieldCipherError } from './errors';
import { assertContext, assertWellFormed } from './field-context';
import { isKeyId, type FieldKey, type KeyRing } from './keyring';
import { encryptSm4Cbc } from './sm4-cbc';
import { hmacSm3For } from './hmac-sm3';

/**
 * Envelopes for sensitive columns (公民身份号码, phone numbers, bank accounts…):
 * confidentiality with SM4 (GB/T 39786-2021 8.4 e) and integrity with
 * HMAC-SM3 (8.4 g), as encrypt-then-MAC because Node has no SM4-GCM.
 *
 * Envelope text (ASCII, safe in a TEXT column, a URL or a CSV cell):
 *
 *     g1.<keyId>.<iv>.<ciphertext>.<mac>
 *
 * - `g1`: format version.
 * - `keyId`: the key pair used (keyring.ts), so rotated keys still open old values.
 * - `iv`: 16 random bytes; `ciphertext`: SM4-CBC (GB/T 32907 block cipher,
 *   CBC per GB/T 17964) of the UTF-8 plaintext with PKCS#7 padding;
 *   `mac`: HMAC-SM3, 32 bytes. All three are unpadded base64url (RFC 4648 §5).
 * - The MAC covers version, keyId, context, iv and ciphertext, each preceded
 *   by its length as a 4-byte big-endian integer, so no two different tuples
 *   give the same MAC input. The context (e.g. 'person.id_number') is not
 *   stored: it binds the envelope to its column, so a value copied into
 *   another column, or another table, does not open there.
 *
 * The random IV makes sealing non-deterministic: equal values give different
 * envelopes, so the column reveals no equality. Use blind-index.ts for lookups.
 */
export const ENVELOPE_VERSION = 'g1';
const IV_BYTES = SM4_BLOCK_BYTES;

type Envelope = { keyId: string; iv: Buffer; ciphertext: Buffer; mac: Buffer };

function macInput(keyId: string, context: string, iv: Buffer, ciphertext: Buffer): Buffer {
  const parts = [Buffer.from(ENVELOPE_VERSION, 'utf8'), Buffer.from(keyId, 'utf8'), Buffer.from(context, 'utf8'), iv, ciphertext];
  // One buffer, each part preceded by its 4-byte length (sealing runs a million times in an import).
  const input = Buffer.allocUnsafe(parts.reduce((size, part) => size + 4 + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    offset = input.writeUInt32BE(part.length, offset);
    offset += part.copy(input, offset);
  }
  return input;
}

/**
 * IVs are cut from a pool of CSPRNG output refilled 4 KiB at a time: one
 * getrandom call per 256 envelopes instead of one each (it was the largest
 * single cost of sealing in an import). Every IV is still fresh random bytes,
 * used once; CBC needs no more (unpredictable, not secret).
 */
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function computeMac(key: FieldKey, keyId: string, context: string, iv: Buffer, ciphertext: Buffer): Buffer {
  return hmacSm3For(key.macKey).digest(macInput(keyId, context, iv, ciphertext));
}

const malformed = (problem: string) => new FieldCipherError('MALFORMED', `字段密文格式无效：${problem}`);

/** Splits and decodes an envelope; checks shape only, not authenticity. */
function parseEnvelope(envelope: string): Envelope {
  if (typeof envelope !== 'string') throw malformed('不是字符串');
  const parts = envelope.split('.');
  if (parts.length !== 5) throw malformed(`应由 5 段组成（${ENVELOPE_VERSION}.密钥编号.IV.密文.校验码）`);
  const [version = '', keyId = '', ivText = '', ciphertextText = '', macText = ''] = parts;
  if (version !== ENVELOPE_VERSION) throw malformed(`不支持的版本（应为 ${ENVELOPE_VERSION}）`);
  if (!isKeyId(keyId)) throw malformed('密钥编号无效');
  const iv = decodeBase64Url(ivText);
  if (!iv || iv.length !== IV_BYTES) throw malformed(`IV 应为 ${IV_BYTES} 字节的 base64url`);
  const ciphertext = decodeBase64Url(ciphertextText);
  if (!ciphertext || ciphertext.length === 0 || ciphertext.length % SM4_BLOCK_BYTES !== 0) {
    throw malformed(`密文应为 ${SM4_BLOCK_BYTES} 字节整数倍的 base64url`);
  }
  const mac = decodeBase64Url(macText);
  if (!mac || mac.length !== SM3_DIGEST_BYTES) throw malformed(`校验码应为 ${SM3_DIGEST_BYTES} 字节的 base64url`);
  return { keyId, iv, ciphertext, mac };
}

/**
 * Encrypts `plaintext` for the column named by `context` under the ring's
 * current key. Throws FieldCipherError 'MALFORMED' for text with unpaired
 * surrogates (it would not round-trip) and TypeError for an invalid context.
 */
export function sealField(ring: KeyRing, plaintext: string, context: string): string {
  return sealFields(ring, [plaintext], context)[0]!;
}

/**
 * sealField for many values of one column at once (an import seals a million
 * ID numbers): one SM4 block cipher for the set (sm4-cbc.ts), each value still
 * with its own fresh IV and its own MAC.
 */
export function sealFields(ring: KeyRing, plaintexts: readonly string[], context: string): string[] {
  assertContext(context);
  for (const plaintext of plaintexts) assertWellFormed(plaintext, '待加密的值');
  const keyId = ring.currentKeyId;
  const key = ring.keys.get(keyId);
  if (!key) throw new CryptoConfigError('INVALID', `密钥环有误：当前密钥 "${keyId}" 不在密钥环中`);

  const values = plaintexts.map((plaintext) => ({ iv: nextIv(), plaintext: Buffer.from(plaintext, 'utf8') }));
  const ciphertexts = encryptSm4Cbc(key.encryptionKey, values);
  return values.map(({ iv }, index) => {
    const ciphertext = ciphertexts[index]!;
    const mac = computeMac(key, keyId, context, iv, ciphertext);
    return [ENVELOPE_VERSION, keyId, encodeBase64Url(iv), encodeBase64Url(ciphertext), encodeBase64Url(mac)].join('.');
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies and decrypts an envelope sealed for `context`. The MAC is checked
 * (in constant time) before any decryption, so altered ciphertext never
 * reaches the SM4 decryptor (no padding oracle). Throws FieldCipherError:
 * 'MALFORMED' (not an envelope), 'UNKNOWN_KEY' (key id not in the ring),
 * 'TAMPERED' (MAC mismatch: altered, or sealed for another context).
 */
export function openField(ring: KeyRing, envelope: string, context: string): string {
  assertContext(context);
  const { keyId, iv, ciphertext, mac } = parseEnvelope(envelope);
  const key = ring.keys.get(keyId);
  if (!key) {
    throw new FieldCipherError('UNKNOWN_KEY', `字段密文使用的密钥 "${keyId}" 不在密钥环中：密钥文件可能不是最新的`);
  }
  const tampered = new FieldCipherError('TAMPERED', `字段密文校验失败（${context}）：数据被篡改，或密文不属于该字段`);
  if (!timingSafeEqual(computeMac(key, keyId, context, iv, ciphertext), mac)) throw tampered;

  // With a valid MAC these cannot fail unless the key file pairs an `enc` key
  // with the wrong `mac` key; report that as a failed check, not as plaintext.
  try {
    const decipher = createDecipheriv(SM4_CBC, key.encryptionKey, iv);
    return utf8.decode(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch {
    throw tampered;
  }
}

/**
 * True when the envelope was sealed under a key other than the ring's current
 * one, i.e. a re-encryption job should reseal it. Checks the shape only
 * (FieldCipherError 'MALFORMED' otherwise), not the MAC.
 */
export function needsReseal(ring: KeyRing, envelope: string): boolean {
  return parseEnvelope(envelope).keyId !== ring.currentKeyId;
}

/**
 * For the re-encryption job after a rotation: opens (and so verifies) the
 * envelope, then returns it unchanged when it is already under the current
 * key, or the value sealed again under the current key. Verifying every row,
 * not only the old ones, lets the job report tampered rows too.
 */
export function resealField(ring: KeyRing, envelope: string, context: string): string {
  const plaintext = openField(ring, envelope, context);
  return needsReseal(ring, envelope) ? sealField(ring, plaintext, context) : envelope;
}
