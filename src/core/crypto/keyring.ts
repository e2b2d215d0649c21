import { readFileSync } from 'node:fs';
import { HMAC_SM3_KEY_BYTES, SM4_KEY_BYTES } from './algorithms';
import { decodeBase64 } from './base64';
import { CryptoConfigError } from './errors';
import { REDACTED, redactKey, redactObject } from './redact';

/**
 * Keys for the field-encryption kernel. They live OUTSIDE the database (a key
 * file or an environment variable), so that a database dump or backup alone
 * does not reveal the protected fields (GB/T 39786-2021 8.4 e and Appendix B:
 * keys are stored apart from the data they protect).
 *
 * Key file format, version 1 (JSON, UTF-8, mode 0600):
 *
 * ```json
 * {
 *   "version": 1,
 *   "current": "k20261121a3f0",
 *   "keys": {
 *     "k20261121a3f0": { "enc": "<base64, 16 bytes>", "mac": "<base64, 32 bytes>", "created": "2026-11-21T09:00:00.000Z" }
 *   },
 *   "blindIndex": "<base64, 32 bytes>"
 * }
 * ```
 *
 * - `keys`: every key pair ever used. A pair is an SM4 key (`enc`, GB/T 32907:
 *   128 bits) and a separate HMAC-SM3 key (`mac`, 256 bits); using distinct keys
 *   for encryption and MAC is what makes encrypt-then-MAC sound. Old pairs stay
 *   after a rotation so that values sealed under them still open.
 * - `current`: the id of the pair new values are sealed with. Ids are 1–64
 *   characters of `A–Z a–z 0–9 _ -` (they appear inside envelopes, whose parts
 *   are separated by '.'); generated ids are 'k' + yyyymmdd + 4 hex digits.
 * - `blindIndex`: the HMAC-SM3 key of blind indexes, separate from every MAC
 *   key. It is not rotated with the pairs: a new blind-index key would need
 *   every index recomputed, which is a migration of its own.
 * - base64 is standard, padded (RFC 4648 §4). Unknown fields are ignored and
 *   kept when the file is rotated.
 */
export type FieldKey = {
  /** SM4 key, 16 bytes (GB/T 32907-2016). */
  readonly encryptionKey: Buffer;
  /** HMAC-SM3 key, 32 bytes. */
  readonly macKey: Buffer;
};

export type KeyRing = {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, FieldKey>;
  /** HMAC-SM3 key for blind indexes, 32 bytes, separate from every MAC key. */
  readonly blindIndexKey: Buffer;
};

/** One key pair as stored in the key file. */
export type KeyFileEntry = { enc: string; mac: string; created: string; [other: string]: unknown };

/** The key file as stored; see the format above. */
export type KeyFile = {
  version: 1;
  current: string;
  keys: Record<string, KeyFileEntry>;
  blindIndex: string;
  [other: string]: unknown;
};

export const KEY_FILE_VERSION = 1;
export const BLIND_INDEX_KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** True for a string usable as a key id (it must not contain the envelope separator '.'). */
export function isKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const JSON_TYPE_NAMES: Partial<Record<string, string>> = { string: '字符串', number: '数字', boolean: '布尔值', object: '对象' };

/** Describes a JSON value by its type only, so that a message never echoes key material. */
function typeOf(value: unknown): string {
  if (value === undefined) return '空（未填写）';
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  return JSON_TYPE_NAMES[typeof value] ?? typeof value;
}

/**
 * Quotes a key id in a message. An id long enough to be a key (16 bytes are 22
 * base64url or 32 hex characters) is described by its length instead, in case
 * someone pasted a key where an id belongs.
 */
const showId = (id: string) => (id.length <= 20 ? `"${id}"` : `（${id.length} 个字符的编号）`);

/**
 * Parses and checks a key file, returning both the stored form (for rotation)
 * and the ring. `source` names where the JSON came from in error messages.
 */
export function parseKeyFile(json: string, source = '密钥配置'): { file: KeyFile; ring: KeyRing } {
  const fail = (problem: string) => new CryptoConfigError('INVALID', `${source}有误：${problem}`);

  let data: unknown;
  try {
    // A file saved by Windows Notepad starts with a byte-order mark, which JSON.parse rejects.
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    // The SyntaxError's own message quotes the text around the error, which may
    // be key material, so it is neither shown nor kept as `cause`.
    throw fail('不是有效的 JSON');
  }
  if (!isRecord(data)) throw fail(`顶层应为 JSON 对象，实际为${typeOf(data)}`);
  if (data.version !== KEY_FILE_VERSION) {
    const shown = typeof data.version === 'number' ? String(data.version) : typeOf(data.version);
    throw fail(`"version" 应为 ${KEY_FILE_VERSION}，实际为 ${shown}`);
  }

  const current = data.current;
  if (typeof current !== 'string' || !isKeyId(current)) {
    throw fail('"current" 应为当前密钥的编号（1–64 个字母、数字、_ 或 -）');
  }
  if (!isRecord(data.keys)) throw fail(`"keys" 应为对象（密钥编号 → 密钥），实际为${typeOf(data.keys)}`);

  const keys = new Map<string, FieldKey>();
  const entries: Record<string, KeyFileEntry> = {};
  for (const [id, entry] of Object.entries(data.keys)) {
    if (!isKeyId(id)) throw fail(`密钥编号 ${showId(id)} 无效：只可使用 1–64 个字母、数字、_ 或 -`);
    if (!isRecord(entry)) throw fail(`密钥 ${showId(id)} 应为对象 { enc, mac, created }，实际为${typeOf(entry)}`);
    const enc = decodeKey(entry.enc, SM4_KEY_BYTES, `密钥 ${showId(id)} 的 "enc"（SM4 加密密钥）`, fail);
    const mac = decodeKey(entry.mac, HMAC_SM3_KEY_BYTES, `密钥 ${showId(id)} 的 "mac"（HMAC-SM3 校验密钥）`, fail);
    const created = entry.created;
    if (typeof created !== 'string' || !ISO_DATE_TIME.test(created) || Number.isNaN(Date.parse(created))) {
      throw fail(`密钥 ${showId(id)} 的 "created" 应为 ISO 8601 时间，如 "2026-11-21T09:00:00.000Z"`);
    }
    keys.set(id, Object.freeze({ encryptionKey: redactKey(enc.bytes), macKey: redactKey(mac.bytes) }));
    entries[id] = { ...entry, enc: enc.text, mac: mac.text, created };
  }
  if (keys.size === 0) throw fail('"keys" 中没有任何密钥');
  if (!keys.has(current)) throw fail(`当前密钥 ${showId(current)} 不在 "keys" 中`);

  const blindIndex = decodeKey(data.blindIndex, BLIND_INDEX_KEY_BYTES, '"blindIndex"（盲索引密钥）', fail);
  const blindIndexKey = blindIndex.bytes;
  for (const [id, key] of keys) {
    // Separate keys per purpose (GB/T 39786-2021 Appendix B); equal keys here are a copy-paste slip.
    if (key.macKey.equals(blindIndexKey)) throw fail(`"blindIndex" 与密钥 ${showId(id)} 的 "mac" 相同；各用途的密钥必须不同`);
  }

  const file: KeyFile = { ...data, version: KEY_FILE_VERSION, current, keys: entries, blindIndex: blindIndex.text };
  return { file, ring: makeKeyRing(current, keys, redactKey(blindIndexKey)) };
}

function decodeKey(
  value: unknown,
  length: number,
  what: string,
  fail: (problem: string) => CryptoConfigError,
): { text: string; bytes: Buffer } {
  if (typeof value !== 'string') throw fail(`${what}缺失或不是字符串（应为 ${length} 字节的 base64）`);
  const bytes = decodeBase64(value);
  if (!bytes) throw fail(`${what}不是有效的 base64（标准字母表，带 = 填充）`);
  if (bytes.length !== length) throw fail(`${what}应为 ${length} 字节，实际为 ${bytes.length} 字节`);
  return { text: value, bytes };
}

/** Builds a ring whose JSON, String() and util.inspect forms show key ids only. */
function makeKeyRing(currentKeyId: string, keys: ReadonlyMap<string, FieldKey>, blindIndexKey: Buffer): KeyRing {
  const ids = [...keys.keys()];
  const ring: KeyRing = { currentKeyId, keys, blindIndexKey };
  redactObject(
    ring,
    () => `KeyRing(current=${currentKeyId}, keys=${ids.join(',')}, 密钥已隐藏)`,
    () => ({ currentKeyId, keyIds: ids, keyMaterial: REDACTED }),
  );
  return Object.freeze(ring);
}

/**
 * Parses key JSON (the key file format above) into a ring. Throws
 * CryptoConfigError 'INVALID' with a Chinese message naming the problem; the
 * message never contains key material.
 */
export function parseKeyRing(json: string, source?: string): KeyRing {
  return parseKeyFile(json, source).ring;
}

/** Reads a key file; CryptoConfigError 'MISSING' or 'IO' when it cannot be read. */
export function readKeyFileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') throw new CryptoConfigError('MISSING', `找不到密钥文件：${path}`);
    throw new CryptoConfigError('IO', `无法读取密钥文件 ${path}（${code || '未知错误'}）`);
  }
}

/**
 * Loads the key ring. `envValue` is the whole key JSON (e.g. from the
 * environment variable GONGHUI_KEYS, for deployments whose secrets come from
 * an orchestrator) and wins over `file`. An empty `envValue` counts as absent,
 * as an unset variable often arrives as ''.
 */
export function loadKeyRing(options: { file?: string; envValue?: string }): KeyRing {
  const { file, envValue } = options;
  if (envValue !== undefined && envValue.trim() !== '') {
    return parseKeyRing(envValue, '环境变量中的密钥配置');
  }
  if (file !== undefined && file !== '') {
    return parseKeyRing(readKeyFileText(file), `密钥文件 ${file} `);
  }
  throw new CryptoConfigError('MISSING', '未配置字段加密密钥：请提供密钥文件，或在环境变量中给出密钥 JSON');
}
