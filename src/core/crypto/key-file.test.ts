import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index';
import { CryptoConfigError } from './errors';
import { needsReseal, openField, sealField } from './field-cipher';
import { createKeyFile, ensureKeyFile, generateKeyId, rotateKeyFile } from './key-file';
import { loadKeyRing, type KeyFile } from './keyring';
import { keyForms } from './testing';

const POSIX = process.platform !== 'win32';
const CONTEXT = 'person.id_number';
const ID_NUMBER = '61010419850312123X';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function keyPath(name = 'keys.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'gonghui-keys-'));
  dirs.push(dir);
  return join(dir, name);
}

const readFile = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
const mode = (path: string) => statSync(path).mode & 0o777;

function configError(run: () => unknown): CryptoConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoConfigError);
    return error as CryptoConfigError;
  }
  throw new Error('expected a CryptoConfigError');
}

describe('generateKeyId', () => {
  it("is 'k' + yyyymmdd (local date) + 4 hex digits", () => {
    expect(generateKeyId(new Date(2026, 10, 21, 23, 59))).toMatch(/^k20261121[0-9a-f]{4}$/);
  });

  it('avoids ids already taken', () => {
    const now = new Date(2026, 0, 2);
    const taken = new Set<string>();
    for (let i = 0; i < 0x10000 - 1; i += 1) taken.add(`k20260102${i.toString(16).padStart(4, '0')}`);
    expect(generateKeyId(now, taken)).toBe('k20260102ffff');
  });
});

describe('createKeyFile', () => {
  it('writes the documented format with fresh keys and returns the same ring', () => {
    const path = keyPath();
    const ring = createKeyFile(path, { now: new Date(2026, 10, 21, 9) });
    const file = readFile(path);
    expect(file.version).toBe(1);
    expect(file.current).toMatch(/^k20261121[0-9a-f]{4}$/);
    expect(ring.currentKeyId).toBe(file.current);
    const entry = file.keys[file.current];
    expect(Buffer.from(entry?.enc ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(entry?.mac ?? '', 'base64')).toHaveLength(32);
    expect(Buffer.from(file.blindIndex, 'base64')).toHaveLength(32);
    expect(Date.parse(entry?.created ?? '')).toBe(new Date(2026, 10, 21, 9).getTime());
    expect(Buffer.from(ring.blindIndexKey).toString('base64')).toBe(file.blindIndex);
  });

  it.runIf(POSIX)('creates the file with mode 0600, readable by its owner only', () => {
    const path = keyPath();
    createKeyFile(path);
    expect(mode(path).toString(8)).toBe('600');
  });

  it.runIf(POSIX)('creates a missing data directory with mode 0700', () => {
    const path = join(keyPath('data'), 'keys.json');
    createKeyFile(path);
    expect(mode(join(path, '..')).toString(8)).toBe('700');
    expect(existsSync(path)).toBe(true);
  });

  it('generates different keys every time', () => {
    const [a, b] = [keyPath(), keyPath()].map((path) => {
      createKeyFile(path);
      return readFile(path);
    });
    expect(a?.blindIndex).not.toBe(b?.blindIndex);
    expect(Object.values(a?.keys ?? {})[0]?.enc).not.toBe(Object.values(b?.keys ?? {})[0]?.enc);
  });

  it('refuses to overwrite an existing file and leaves it untouched', () => {
    const path = keyPath();
    createKeyFile(path);
    const before = readFileSync(path, 'utf8');
    const error = configError(() => createKeyFile(path));
    expect(error.code).toBe('EXISTS');
    expect(error.message).toContain('拒绝覆盖');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses to overwrite even a file that is not a key file', () => {
    const path = keyPath();
    writeFileSync(path, 'notes');
    expect(configError(() => createKeyFile(path)).code).toBe('EXISTS');
    expect(readFileSync(path, 'utf8')).toBe('notes');
  });
});

describe('ensureKeyFile', () => {
  it('creates the file on first use and loads the same keys afterwards', () => {
    const path = keyPath();
    expect(existsSync(path)).toBe(false);
    const first = ensureKeyFile(path);
    expect(existsSync(path)).toBe(true);
    const again = ensureKeyFile(path);
    expect(again.currentKeyId).toBe(first.currentKeyId);
    expect(blindIndex(again, ID_NUMBER, CONTEXT)).toBe(blindIndex(first, ID_NUMBER, CONTEXT));
    expect(openField(again, sealField(first, ID_NUMBER, CONTEXT), CONTEXT)).toBe(ID_NUMBER);
  });

  it('reports a malformed existing file in Chinese instead of replacing it', () => {
    const path = keyPath();
    writeFileSync(path, '{"version": 1}');
    const error = configError(() => ensureKeyFile(path));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/^密钥文件 .* 有误：.*"current"/);
    expect(readFileSync(path, 'utf8')).toBe('{"version": 1}');
  });
});

describe('rotateKeyFile', () => {
  it('adds a key, makes it current, and keeps old envelopes readable', () => {
    const path = keyPath();
    const v1 = createKeyFile(path, { now: new Date(2026, 0, 15) });
    const sealedUnderV1 = sealField(v1, ID_NUMBER, CONTEXT);

    const { newKeyId } = rotateKeyFile(path, { now: new Date(2027, 0, 15) });
    expect(newKeyId).toMatch(/^k20270115[0-9a-f]{4}$/);
    const v2 = loadKeyRing({ file: path });
    expect(v2.currentKeyId).toBe(newKeyId);
    expect([...v2.keys.keys()]).toEqual([v1.currentKeyId, newKeyId]);

    expect(openField(v2, sealedUnderV1, CONTEXT)).toBe(ID_NUMBER);
    const sealedUnderV2 = sealField(v2, ID_NUMBER, CONTEXT);
    expect(sealedUnderV2.split('.')[1]).toBe(newKeyId);
    expect(needsReseal(v2, sealedUnderV1)).toBe(true);
    expect(needsReseal(v2, sealedUnderV2)).toBe(false);
    expect(needsReseal(v1, sealedUnderV1)).toBe(false);
  });

  it('keeps the old key bytes and the blind-index key, so lookups survive a rotation', () => {
    const path = keyPath();
    const v1 = createKeyFile(path);
    const before = readFile(path);
    rotateKeyFile(path);
    const after = readFile(path);
    expect(after.keys[before.current]).toEqual(before.keys[before.current]);
    expect(after.blindIndex).toBe(before.blindIndex);
    expect(blindIndex(loadKeyRing({ file: path }), ID_NUMBER, CONTEXT)).toBe(blindIndex(v1, ID_NUMBER, CONTEXT));
  });

  it('gives the new key fresh material', () => {
    const path = keyPath();
    createKeyFile(path);
    const { newKeyId } = rotateKeyFile(path);
    const file = readFile(path);
    const [oldEntry, newEntry] = Object.values(file.keys);
    expect(newEntry).toBe(file.keys[newKeyId]);
    expect(newEntry?.enc).not.toBe(oldEntry?.enc);
    expect(newEntry?.mac).not.toBe(oldEntry?.mac);
  });

  it('can rotate again and again; every generation still opens', () => {
    const path = keyPath();
    const sealed = [sealField(createKeyFile(path), 'v0', CONTEXT)];
    for (let i = 1; i <= 3; i += 1) {
      rotateKeyFile(path);
      sealed.push(sealField(loadKeyRing({ file: path }), `v${i}`, CONTEXT));
    }
    const ring = loadKeyRing({ file: path });
    expect(ring.keys.size).toBe(4);
    expect(sealed.map((envelope) => openField(ring, envelope, CONTEXT))).toEqual(['v0', 'v1', 'v2', 'v3']);
  });

  it('keeps fields it does not know', () => {
    const path = keyPath();
    createKeyFile(path);
    writeFileSync(path, JSON.stringify({ ...readFile(path), comment: '省总工会生产环境' }), { mode: 0o600 });
    rotateKeyFile(path);
    expect(readFile(path).comment).toBe('省总工会生产环境');
  });

  it.runIf(POSIX)('leaves the file at mode 0600 and no temporary file behind', () => {
    const path = keyPath();
    createKeyFile(path);
    rotateKeyFile(path);
    expect(mode(path).toString(8)).toBe('600');
    expect(readdirSync(join(path, '..'))).toEqual(['keys.json']);
  });

  it('does not touch a malformed file', () => {
    const path = keyPath();
    writeFileSync(path, '{"version": 2}');
    expect(configError(() => rotateKeyFile(path)).code).toBe('INVALID');
    expect(readFileSync(path, 'utf8')).toBe('{"version": 2}');
  });

  it('reports a missing file', () => {
    expect(configError(() => rotateKeyFile(keyPath())).code).toBe('MISSING');
  });
});

describe('key material stays out of text renderings', () => {
  it('JSON.stringify(ring) and String(ring) of a created and a rotated ring contain no key', () => {
    const path = keyPath();
    const created = createKeyFile(path);
    rotateKeyFile(path);
    const rotated = loadKeyRing({ file: path });
    const file = readFile(path);
    for (const ring of [created, rotated]) {
      for (const text of [JSON.stringify(ring), String(ring)]) {
        for (const form of keyForms(file)) expect(text).not.toContain(form);
      }
    }
  });
});
