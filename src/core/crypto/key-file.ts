import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toLocalIsoDate } from '../cn/calendar-date';
import { HMAC_SM3_KEY_BYTES, SM4_KEY_BYTES } from './algorithms';
import { CryptoConfigError } from './errors';
import {
  BLIND_INDEX_KEY_BYTES,
  KEY_FILE_VERSION,
  type KeyFile,
  type KeyFileEntry,
  type KeyRing,
  loadKeyRing,
  parseKeyFile,
  readKeyFileText,
} from './keyring';

/**
 * Creating and rotating key files (format: keyring.ts). Keys come from
 * crypto.randomBytes, i.e. OpenSSL's CSPRNG (GB/T 39786-2021 requires random
 * numbers from an approved generator; a certified deployment replaces this
 * file with a KMS or 密码机 and keeps the KeyRing type).
 *
 * Files are written with mode 0600 (owner read/write only): the key file is
 * the one secret that turns a database dump into plaintext.
 */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** 'k' + yyyymmdd (local date) + 4 hex digits, e.g. 'k20261121a3f0'. */
export function generateKeyId(now: Date, taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const id = `k${toLocalIsoDate(now).replaceAll('-', '')}${randomBytes(2).toString('hex')}`;
    if (!taken.has(id)) return id;
  }
}

function newEntry(now: Date): KeyFileEntry {
  return {
    enc: randomBytes(SM4_KEY_BYTES).toString('base64'),
    mac: randomBytes(HMAC_SM3_KEY_BYTES).toString('base64'),
    created: now.toISOString(),
  };
}

const serialize = (file: KeyFile) => `${JSON.stringify(file, null, 2)}\n`;

/** Creates `path` (never over an existing file), writes, flushes and closes; removes it again if writing fails. */
function writeNewFile(path: string, text: string): void {
  const fd = openSync(path, 'wx', FILE_MODE);
  try {
    writeFileSync(fd, text); // loops until every byte is written, unlike writeSync
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true }); // a half-written key file must not be loaded later
    throw error;
  }
  closeSync(fd);
}

function ioError(action: string, path: string, error: unknown): CryptoConfigError {
  const code = (error as NodeJS.ErrnoException).code ?? '未知错误';
  return new CryptoConfigError('IO', `无法${action}密钥文件 ${path}（${code}）`);
}

/**
 * Generates fresh keys and writes a new key file (mode 0600), creating the
 * directory (mode 0700) when needed. Refuses to overwrite an existing file
 * (CryptoConfigError 'EXISTS'): replacing keys would make every sealed value
 * unreadable. The check and the creation are one step (O_EXCL), so two
 * processes starting at once cannot both write.
 */
export function createKeyFile(path: string, options: { now?: Date } = {}): KeyRing {
  const now = options.now ?? new Date();
  const current = generateKeyId(now);
  const file: KeyFile = {
    version: KEY_FILE_VERSION,
    current,
    keys: { [current]: newEntry(now) },
    blindIndex: randomBytes(BLIND_INDEX_KEY_BYTES).toString('base64'),
  };
  const text = serialize(file);
  // Parse what is about to be written, so the file on disk is always one the loader accepts.
  const { ring } = parseKeyFile(text);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: DIR_MODE });
    writeNewFile(path, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CryptoConfigError('EXISTS', `密钥文件已存在，拒绝覆盖：${path}（覆盖会使已加密的数据无法解密）`);
    }
    throw ioError('创建', path, error);
  }
  return ring;
}

/**
 * Loads the key file, or creates it when absent: the embedded default, where
 * the first `npm start` creates DATA_DIR/keys.json. A malformed existing file
 * is an error, never silently replaced.
 */
export function ensureKeyFile(path: string): KeyRing {
  if (existsSync(path)) return loadKeyRing({ file: path });
  try {
    return createKeyFile(path);
  } catch (error) {
    // Another process created it between the check and the creation: use theirs.
    if (error instanceof CryptoConfigError && error.code === 'EXISTS') return loadKeyRing({ file: path });
    throw error;
  }
}

/**
 * Adds a new key pair and makes it current. Old pairs stay, so envelopes
 * sealed under them still open; needsReseal/resealField move values to the
 * new key at leisure. The blind-index key is kept (see keyring.ts).
 *
 * The file is replaced atomically (write a temporary file, then rename), so a
 * crash leaves either the old or the new file. Run one rotation at a time.
 * With several server instances, every instance must load the new file
 * before any of them seals with it, or the others meet UNKNOWN_KEY.
 */
export function rotateKeyFile(path: string, options: { now?: Date } = {}): { newKeyId: string } {
  const now = options.now ?? new Date();
  const { file } = parseKeyFile(readKeyFileText(path), `密钥文件 ${path} `);
  const newKeyId = generateKeyId(now, new Set(Object.keys(file.keys)));
  const rotated: KeyFile = { ...file, current: newKeyId, keys: { ...file.keys, [newKeyId]: newEntry(now) } };
  const text = serialize(rotated);
  parseKeyFile(text);

  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeNewFile(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw ioError('更新', path, error);
  }
  return { newKeyId };
}
