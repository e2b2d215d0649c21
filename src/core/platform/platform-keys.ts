import type { KeyRing } from '../crypto';

/**
 * The platform's secrets, loaded from outside the database at start-up:
 * the field-encryption key ring and the audit chain's HMAC-SM3 key.
 */
export type PlatformKeys = { ring: KeyRing; auditKey: Buffer };
