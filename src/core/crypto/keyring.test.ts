import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CryptoConfigError } from './errors';
import { sealField } from './field-cipher';
import { loadKeyRing, parseKeyRing, type KeyRing } from './keyring';
import { keyForms, testKeyFile } from './testing';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

function configError(run: () => unknown): CryptoConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoConfigError);
    return error as CryptoConfigError;
  }
  throw new Error('expected a CryptoConfigError');
}

describe('parseKeyRing', () => {
  it('reads the documented format into a ring', () => {
    const file = testKeyFile(['k2026a', 'k2025z']);
    const ring = parseKeyRing(JSON.stringify(file));
    expect(ring.currentKeyId).toBe('k2026a');
    expect([...ring.keys.keys()]).toEqual(['k2026a', 'k2025z']);
    const key = ring.keys.get('k2025z');
    expect(key?.encryptionKey).toHaveLength(16);
    expect(key?.macKey).toHaveLength(32);
    expect(Buffer.from(key?.macKey ?? []).toString('base64')).toBe(file.keys.k2025z?.mac);
    expect(Buffer.from(ring.blindIndexKey).toString('base64')).toBe(file.blindIndex);
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseKeyRing(`\uFEFF${JSON.stringify(testKeyFile())}`).currentKeyId).toBe('ktest1');
  });

  const valid = () => testKeyFile(['k2026a']);
  const withEntry = (change: Record<string, unknown>) => {
    const file = valid();
    return { ...file, keys: { k2026a: { ...file.keys.k2026a, ...change } } };
  };

  it.each<[string, () => unknown, RegExp]>([
    ['an array', () => [], /顶层应为 JSON 对象/],
    ['version 2', () => ({ ...valid(), version: 2 }), /"version" 应为 1，实际为 2/],
    ['no version', () => ({ ...valid(), version: undefined }), /"version" 应为 1/],
    ['no current', () => ({ ...valid(), current: undefined }), /"current"/],
    ['a current id not in keys', () => ({ ...valid(), current: 'k2099x' }), /当前密钥 "k2099x" 不在 "keys" 中/],
    ['empty keys', () => ({ ...valid(), keys: {} }), /没有任何密钥/],
    ['keys as an array', () => ({ ...valid(), keys: [] }), /"keys" 应为对象.*数组/],
    ['a key id with a dot', () => ({ ...valid(), current: 'k.1', keys: { 'k.1': valid().keys.k2026a } }), /"current"/],
    ['an entry key id with a dot', () => ({ ...valid(), keys: { ...valid().keys, 'k.2': valid().keys.k2026a } }), /密钥编号 "k\.2" 无效/],
    ['an entry that is a string', () => ({ ...valid(), keys: { k2026a: 'secret' } }), /密钥 "k2026a" 应为对象/],
    ['a 12-byte enc key', () => withEntry({ enc: Buffer.alloc(12, 7).toString('base64') }), /"enc".*应为 16 字节，实际为 12 字节/],
    ['a 16-byte mac key', () => withEntry({ mac: Buffer.alloc(16, 7).toString('base64') }), /"mac".*应为 32 字节，实际为 16 字节/],
    ['enc that is not base64', () => withEntry({ enc: '这不是base64!!' }), /"enc".*不是有效的 base64/],
    ['enc in base64url', () => withEntry({ enc: '-_-_-_-_-_-_-_-_-_-_-w' }), /"enc".*不是有效的 base64/],
    ['no mac', () => withEntry({ mac: undefined }), /"mac".*缺失/],
    ['an invalid created date', () => withEntry({ created: 'yesterday' }), /"created" 应为 ISO 8601/],
    ['a 31-byte blind-index key', () => ({ ...valid(), blindIndex: Buffer.alloc(31, 1).toString('base64') }), /"blindIndex".*应为 32 字节/],
    [
      'a blind-index key equal to a mac key',
      () => {
        const file = valid();
        return { ...file, blindIndex: file.keys.k2026a?.mac };
      },
      /"blindIndex" 与密钥 "k2026a" 的 "mac" 相同/,
    ],
  ])('rejects %s with a Chinese message', (_name, make, message) => {
    const error = configError(() => parseKeyRing(JSON.stringify(make())));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(HAS_CHINESE);
    expect(error.message).toMatch(message);
  });

  it('rejects text that is not JSON without quoting it (the parser\'s message would echo key material)', () => {
    const file = testKeyFile();
    const broken = JSON.stringify(file).replace('"blindIndex"', 'blindIndex');
    const error = configError(() => parseKeyRing(broken, '密钥文件 /etc/keys.json '));
    expect(error.message).toBe('密钥文件 /etc/keys.json 有误：不是有效的 JSON');
    expect(error.cause).toBeUndefined();
  });

  it('never puts key material into an error message', () => {
    const file = testKeyFile(['k2026a']);
    const entry = file.keys.k2026a;
    if (!entry) throw new Error('test key missing');
    const cases = [
      { ...file, keys: { k2026a: { ...entry, enc: entry.mac } } }, // 32 bytes where 16 belong
      { ...file, keys: { k2026a: { ...entry, mac: `${entry.mac}x` } } },
      { ...file, blindIndex: entry.enc },
      { ...file, version: entry.enc },
      { ...file, current: entry.enc },
      // A key pasted where an id belongs: its base64url and hex forms are valid id characters.
      { ...file, current: Buffer.from(entry.enc, 'base64').toString('base64url') },
      { ...file, keys: { ...file.keys, [Buffer.from(entry.enc, 'base64').toString('hex')]: { ...entry, mac: 'x' } } },
      { ...file, keys: { ...file.keys, [`${entry.mac}`]: entry } },
    ];
    for (const data of cases) {
      const error = configError(() => parseKeyRing(JSON.stringify(data)));
      for (const form of keyForms(file)) expect(error.message).not.toContain(form);
    }
  });
});

describe('key ring redaction', () => {
  const file = testKeyFile(['k2026a', 'k2025z']);
  const ring: KeyRing = parseKeyRing(JSON.stringify(file));

  const renderings = (): [string, string][] => [
    ['JSON.stringify(ring)', JSON.stringify(ring)],
    ['String(ring)', String(ring)],
    ['template string', `${ring}`],
    ['util.inspect(ring)', inspect(ring, { depth: 10 })],
    ['JSON.stringify of a spread copy', JSON.stringify({ ...ring })],
    ['util.inspect of a spread copy', inspect({ ...ring }, { depth: 10 })],
    ['util.inspect(ring.keys)', inspect(ring.keys, { depth: 10 })],
    ['JSON.stringify of a key pair', JSON.stringify(ring.keys.get('k2026a'))],
    ['String of a key', String(ring.blindIndexKey)],
    ['JSON.stringify in a config object', JSON.stringify({ config: { keys: ring } })],
  ];

  it.each(renderings())('%s contains no form of any key', (_name, text) => {
    for (const form of keyForms(file)) expect(text).not.toContain(form);
  });

  it('still names the key ids, which are not secret and help operators', () => {
    expect(JSON.parse(JSON.stringify(ring))).toEqual({ currentKeyId: 'k2026a', keyIds: ['k2026a', 'k2025z'], keyMaterial: '[redacted]' });
    expect(String(ring)).toContain('current=k2026a');
  });

  it('leaves the key bytes usable for encryption', () => {
    expect(sealField(ring, '13800138000', 'person.mobile')).toMatch(/^g1\.k2026a\./);
  });
});

describe('loadKeyRing', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonghui-keys-'));
    dirs.push(dir);
    return dir;
  };

  it('reads the file', () => {
    const path = join(tempDir(), 'keys.json');
    writeFileSync(path, JSON.stringify(testKeyFile(['kfile'])));
    expect(loadKeyRing({ file: path }).currentKeyId).toBe('kfile');
  });

  it('prefers the environment value over the file', () => {
    const path = join(tempDir(), 'keys.json');
    writeFileSync(path, JSON.stringify(testKeyFile(['kfile'])));
    const ring = loadKeyRing({ file: path, envValue: JSON.stringify(testKeyFile(['kenv'])) });
    expect(ring.currentKeyId).toBe('kenv');
  });

  it('treats an empty environment value as absent', () => {
    const path = join(tempDir(), 'keys.json');
    writeFileSync(path, JSON.stringify(testKeyFile(['kfile'])));
    expect(loadKeyRing({ file: path, envValue: '  ' }).currentKeyId).toBe('kfile');
  });

  it('names the source in its messages', () => {
    const path = join(tempDir(), 'keys.json');
    writeFileSync(path, '{}');
    expect(configError(() => loadKeyRing({ file: path })).message).toContain(`密钥文件 ${path} 有误：`);
    expect(configError(() => loadKeyRing({ envValue: '[' })).message).toBe('环境变量中的密钥配置有误：不是有效的 JSON');
  });

  it('reports a missing file with its path, and no source at all', () => {
    const path = join(tempDir(), 'absent.json');
    const missing = configError(() => loadKeyRing({ file: path }));
    expect(missing.code).toBe('MISSING');
    expect(missing.message).toBe(`找不到密钥文件：${path}`);
    const none = configError(() => loadKeyRing({}));
    expect(none.code).toBe('MISSING');
    expect(none.message).toMatch(HAS_CHINESE);
  });

  it('reports a file it cannot read as IO', () => {
    const dir = tempDir(); // a directory is not a readable file (EISDIR)
    expect(configError(() => loadKeyRing({ file: dir })).code).toBe('IO');
  });
});
