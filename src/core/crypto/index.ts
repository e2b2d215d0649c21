/**
 * Field-encryption kernel: SM4-CBC + HMAC-SM3 envelopes and HMAC-SM3 blind
 * indexes for sensitive columns (GB/T 39786-2021 8.4 e/g; PIPL art. 51
 * "加密、去标识化"), with keys kept outside the database.
 */
export { CryptoConfigError, FieldCipherError, type CryptoConfigErrorCode, type FieldCipherErrorCode } from './errors';
export { blindIndex } from './blind-index';
export { ENVELOPE_VERSION, needsReseal, openField, resealField, sealField, sealFields } from './field-cipher';
export { createKeyFile, ensureKeyFile, rotateKeyFile } from './key-file';
export { loadKeyRing, parseKeyRing, type FieldKey, type KeyFile, type KeyFileEntry, type KeyRing } from './keyring';
