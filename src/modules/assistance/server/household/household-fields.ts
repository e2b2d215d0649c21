import { maskIdNumber, maskMiddle } from '../../../../core/cn/mask';
import { normalizeCode } from '../../../../core/cn/normalize';
import { type KeyRing, openField, sealField } from '../../../../core/crypto';
import { personFieldIndex } from '../../../../core/person/person-fields';

/**
 * How the file seals its sensitive fields (GB/T 39786-2021 8.4 e; PIPL 第五十一条):
 * each column its own envelope context, so an envelope moved to another column
 * does not open. A member's ID number is found by the person record's blind
 * index (same domain), so 一户一档 can be checked against every file and person.
 */
const MEMBER_ID_CONTEXT = 'assistance_household_member.id_number';
const BANK_ACCOUNT_CONTEXT = 'assistance_household.bank_account';

export type SealedIdNumber = { envelope: string; index: string; masked: string };

export function sealMemberIdNumber(ring: KeyRing, idNumber: string): SealedIdNumber {
  const normalized = normalizeCode(idNumber);
  return { envelope: sealField(ring, normalized, MEMBER_ID_CONTEXT), index: personFieldIndex(ring, 'idNumber', normalized), masked: maskIdNumber(normalized) };
}

export const openMemberIdNumber = (ring: KeyRing, envelope: string) => openField(ring, envelope, MEMBER_ID_CONTEXT);

/** '6222020200112233445' → '6222***********3445': the bank's BIN and the last four, as bank statements show. */
export const maskBankAccount = (account: string) => maskMiddle(account, 4, 4);

export function sealBankAccount(ring: KeyRing, account: string): { envelope: string; masked: string } {
  return { envelope: sealField(ring, account, BANK_ACCOUNT_CONTEXT), masked: maskBankAccount(account) };
}

export const openBankAccount = (ring: KeyRing, envelope: string) => openField(ring, envelope, BANK_ACCOUNT_CONTEXT);
