/**
 * Errors of the field-encryption kernel. Messages are Chinese (they reach
 * operators and, through the HTTP layer, support staff) and never carry key
 * material or plaintext: GB/T 39786-2021 Appendix B treats key leakage through
 * logs as a key-management failure, and PIPL art. 51 asks for encryption that
 * does not leak through side channels such as error reports.
 */

/** Why a key ring could not be set up. */
export type CryptoConfigErrorCode =
  /** The key file or key JSON is malformed (lengths, ids, base64, version…). */
  | 'INVALID'
  /** No key source was given, or the key file does not exist. */
  | 'MISSING'
  /** createKeyFile found a file already there and refused to overwrite it. */
  | 'EXISTS'
  /** The key file exists but could not be read or written (permissions, disk). */
  | 'IO';

export class CryptoConfigError extends Error {
  readonly code: CryptoConfigErrorCode;

  constructor(code: CryptoConfigErrorCode, message: string) {
    super(message);
    this.name = 'CryptoConfigError';
    this.code = code;
  }
}

/** Why an envelope could not be opened (or a value could not be sealed). */
export type FieldCipherErrorCode =
  /** The MAC does not verify: the envelope was altered, or belongs to another column (context). */
  | 'TAMPERED'
  /** The envelope names a key id the ring does not hold (key file out of date, or id altered). */
  | 'UNKNOWN_KEY'
  /** Not an envelope of a known version/shape, or the input is not well-formed Unicode. */
  | 'MALFORMED';

export class FieldCipherError extends Error {
  readonly code: FieldCipherErrorCode;

  constructor(code: FieldCipherErrorCode, message: string) {
    super(message);
    this.name = 'FieldCipherError';
    this.code = code;
  }
}
