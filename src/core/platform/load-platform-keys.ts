import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config/config';
import { ensureKeyFile, loadKeyRing, type KeyRing } from '../crypto';
import type { PlatformKeys } from './platform-keys';

/**
 * The audit chain's HMAC-SM3 key, derived from the blind-index key with a
 * fixed label (HMAC as a PRF, domain-separated). Both never rotate: a rotated
 * audit key would make every older event unverifiable.
 */
export const deriveAuditKey = (ring: KeyRing) =>
  createHmac('sm3', ring.blindIndexKey).update('gonghui audit chain key v1').digest();

/**
 * Keys come from GONGHUI_KEYS (the key file's JSON, for container secrets) or
 * the key file GONGHUI_KEY_FILE (default DATA_DIR/keys.json), which the first
 * start creates with mode 0600. Never from the database (GB/T 39786 App. B).
 */
export function loadPlatformKeys(config: Config): PlatformKeys {
  const file = config.GONGHUI_KEY_FILE ?? join(config.dataDir, 'keys.json');
  const ring = config.GONGHUI_KEYS ? loadKeyRing({ envValue: config.GONGHUI_KEYS }) : ensureKeyFile(file);
  return { ring, auditKey: deriveAuditKey(ring) };
}
