import { testKeyRing } from '../crypto/testing';
import { deriveAuditKey } from './load-platform-keys';
import type { PlatformKeys } from './platform-keys';

/** Fresh random platform keys for a test (nothing on disk). */
export function testPlatformKeys(): PlatformKeys {
  const ring = testKeyRing();
  return { ring, auditKey: deriveAuditKey(ring) };
}
