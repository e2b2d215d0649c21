import { AppError } from '../http/errors';

// An 18-digit ID number (GB 11643) or a mainland mobile number inside free text.
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

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
