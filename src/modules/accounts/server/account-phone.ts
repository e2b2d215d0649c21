import { maskMobile, parseMobile } from '../../../core/cn/mobile';
import { blindIndex, type KeyRing, sealField } from '../../../core/crypto';
import { AppError } from '../../../core/http/errors';

/**
 * The staff phone is sealed like a member's (GB/T 39786-2021 8.4 e): its own
 * context, so an envelope copied from `person.phone` does not open here and
 * the blind indexes of the two columns differ.
 */
export const ACCOUNT_PHONE_CONTEXT = 'account.phone';

export type SealedPhone = { phone_envelope: string; phone_index: string; phone_masked: string };

/** Validates and seals a mobile number for the account row. */
export function sealAccountPhone(ring: KeyRing, input: string): { mobile: string; sealed: SealedPhone } {
  const parsed = parseMobile(input);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', parsed.message, { field: 'phone' });
  }
  const mobile = parsed.value.mobile;
  return {
    mobile,
    sealed: {
      phone_envelope: sealField(ring, mobile, ACCOUNT_PHONE_CONTEXT),
      phone_index: blindIndex(ring, mobile, ACCOUNT_PHONE_CONTEXT),
      phone_masked: maskMobile(mobile),
    },
  };
}

/** The blind index for an exact lookup by phone, or null when `input` is no mobile number. */
export function accountPhoneIndex(ring: KeyRing, input: string): string | null {
  const parsed = parseMobile(input);
  return parsed.ok ? blindIndex(ring, parsed.value.mobile, ACCOUNT_PHONE_CONTEXT) : null;
}
