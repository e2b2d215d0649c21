import { randomBytes } from 'node:crypto';
import { KEY_FILE_VERSION, parseKeyRing, type KeyFile, type KeyRing } from './keyring';

/**
 * Test support: key rings from fresh random keys, without touching the disk.
 * Other modules' tests can seal and open fields with `testKeyRing()`.
 */

/** Key JSON (keyring.ts format) with one fresh pair per id; the first id is current. */
export function testKeyFile(ids: readonly string[] = ['ktest1']): KeyFile {
  const [current = 'ktest1'] = ids;
  const keys = Object.fromEntries(
    ids.map((id) => [
      id,
      { enc: randomBytes(16).toString('base64'), mac: randomBytes(32).toString('base64'), created: '2026-01-01T00:00:00.000Z' },
    ]),
  );
  return { version: KEY_FILE_VERSION, current, keys, blindIndex: randomBytes(32).toString('base64') };
}

export function testKeyRing(ids?: readonly string[]): KeyRing {
  return parseKeyRing(JSON.stringify(testKeyFile(ids)));
}

/**
 * Every text form of every key of the file: base64 as stored, base64url, hex,
 * hex as util.inspect shows a Buffer ('3a 4f …'), and the byte list
 * JSON.stringify gives a Buffer ({"type":"Buffer","data":[58,79,…]}).
 */
export function keyForms(file: KeyFile): string[] {
  const stored = [file.blindIndex, ...Object.values(file.keys).flatMap((entry) => [entry.enc, entry.mac])];
  return stored.flatMap((text) => {
    const bytes = Buffer.from(text, 'base64');
    const hex = bytes.toString('hex');
    return [
      text,
      text.replace(/=+$/, ''),
      bytes.toString('base64url'),
      hex,
      hex.replace(/(..)(?!$)/g, '$1 ').slice(0, 60),
      [...bytes].join(','),
    ];
  });
}
