import { AppError } from '../http/errors';

// An 18-digit ID number (GB 11643) or a mainland mobile number inside free text.
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
// A hex digest (MD5, SHA-1, SHA-256/SM3, SHA-512) is not personal data, but its
// digits can happen to look like a phone number (about one SHA-256 in 300).
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/;

/**
 * Values of sensitive fields never enter the audit trail or the logs
 * (PIPL art. 51; security.md §1.3): events name records by id, not by value.
 * This guard makes a mistake fail loudly in tests instead of leaking quietly.
 */
export function assertNoPersonalData(text: string): void {
  if (ID_NUMBER.test(text) || MOBILE.test(text)) {
    throw new AppError('INTERNAL', '审计内容中不得包含身份证号或手机号');
  }
}

/** The same check over every string and number in a structure, digests excepted. */
export function assertNoPersonalDataIn(value: unknown): void {
  if (typeof value === 'string') {
    if (!HEX_DIGEST.test(value)) assertNoPersonalData(value);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    assertNoPersonalData(String(value));
  } else if (Array.isArray(value)) {
    value.forEach(assertNoPersonalDataIn);
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(assertNoPersonalDataIn);
  }
}
