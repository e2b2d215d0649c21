import { maskIdNumber } from '../cn/mask';
import { maskMobile } from '../cn/mobile';
import { normalizeCode } from '../cn/normalize';
import { blindIndex, type KeyRing, openField, sealField, sealFields } from '../crypto';

/**
 * How the person record stores its sensitive fields. Each field has its own
 * context, so an envelope moved to another column does not open, and its own
 * blind-index domain.
 */
export const PERSON_FIELDS = {
  idNumber: { context: 'person.id_number', mask: maskIdNumber, label: '公民身份号码' },
  phone: { context: 'person.phone', mask: maskMobile, label: '手机号码' },
} as const;

export type PersonSensitiveField = keyof typeof PERSON_FIELDS;

export type SealedValue = { envelope: string; index: string; masked: string };

/** Seals a normalized value (an ID number already checked by parseIdNumber, a phone by parseMobile). `knownIndex`: its personFieldIndex, when the caller has it already. */
export function sealPersonField(ring: KeyRing, field: PersonSensitiveField, value: string, knownIndex?: string): SealedValue {
  const { context, mask } = PERSON_FIELDS[field];
  const normalized = normalizeCode(value);
  return { envelope: sealField(ring, normalized, context), index: knownIndex ?? blindIndex(ring, normalized, context), masked: mask(normalized) };
}

/** sealPersonField for many values of one field at once (an import's batch: one SM4 cipher for all of them). */
export function sealPersonFields(ring: KeyRing, field: PersonSensitiveField, values: readonly string[]): SealedValue[] {
  const { context, mask } = PERSON_FIELDS[field];
  const normalized = values.map(normalizeCode);
  const envelopes = sealFields(ring, normalized, context);
  return normalized.map((value, index) => ({ envelope: envelopes[index]!, index: blindIndex(ring, value, context), masked: mask(value) }));
}

/** The blind index to look a person up by a field's value without decrypting anything. */
export const personFieldIndex = (ring: KeyRing, field: PersonSensitiveField, value: string) =>
  blindIndex(ring, normalizeCode(value), PERSON_FIELDS[field].context);

export const openPersonField = (ring: KeyRing, field: PersonSensitiveField, envelope: string) =>
  openField(ring, envelope, PERSON_FIELDS[field].context);
