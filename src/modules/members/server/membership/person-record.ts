import { type Kysely, sql } from 'kysely';
import { parseIdNumber } from '../../../../core/cn/id-number';
import { parseMobile } from '../../../../core/cn/mobile';
import type { KeyRing } from '../../../../core/crypto';
import type { DB } from '../../../../core/db/schema';
import { AppError } from '../../../../core/http/errors';
import { personFieldIndex, sealPersonField } from '../../../../core/person/person-fields';
import type { TPersonProfile } from '../../contract';

export type CheckedProfile = {
  idNumber: string;
  idNumberIndex: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  profile: TPersonProfile;
};

/** Checks the ID number (GB 11643) and mobile number; the errors name the field. */
export function checkProfile(ring: KeyRing, profile: TPersonProfile, today: Date): CheckedProfile {
  const id = parseIdNumber(profile.idNumber, today);
  if (!id.ok) throw new AppError('VALIDATION_FAILED', id.message, { field: 'profile.idNumber' });
  let phone: string | null = null;
  if (profile.phone) {
    const mobile = parseMobile(profile.phone);
    if (!mobile.ok) throw new AppError('VALIDATION_FAILED', mobile.message, { field: 'profile.phone' });
    phone = mobile.value.mobile;
  }
  return {
    idNumber: id.value.idNumber,
    idNumberIndex: personFieldIndex(ring, 'idNumber', id.value.idNumber),
    gender: id.value.gender,
    birthDate: id.value.birthDate,
    phone,
    profile,
  };
}

const profileColumns = (ring: KeyRing, checked: CheckedProfile) => {
  const phone = checked.phone ? sealPersonField(ring, 'phone', checked.phone) : null;
  const { profile } = checked;
  return {
    name: profile.name,
    gender: checked.gender,
    birth_date: checked.birthDate,
    phone_envelope: phone?.envelope ?? null,
    phone_index: phone?.index ?? null,
    phone_masked: phone?.masked ?? null,
    ethnicity: profile.ethnicity,
    education: profile.education,
    political_status: profile.politicalStatus,
    household_type: profile.householdType,
    employment_form: profile.employmentForm,
    employer_name: profile.employer,
    platform_name: profile.platform,
    occupation: profile.occupation,
  };
};

/**
 * A new person record. The id is taken from the sequence first: under
 * row-level security a person is visible only through a membership, so the
 * insert cannot RETURNING its own row before the membership exists.
 */
export async function insertPerson(db: Kysely<DB>, ring: KeyRing, checked: CheckedProfile): Promise<number> {
  const next = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('person', 'id'))::int as id`.execute(db);
  const id = next.rows[0]!.id;
  const sealedId = sealPersonField(ring, 'idNumber', checked.idNumber);
  await db
    .insertInto('person')
    .values({
      id,
      id_number_envelope: sealedId.envelope,
      id_number_index: sealedId.index,
      id_number_masked: sealedId.masked,
      ...profileColumns(ring, checked),
    })
    .execute();
  return id;
}

/** Updates a person the caller can see (through a membership in scope). */
export async function updatePerson(db: Kysely<DB>, ring: KeyRing, personId: number, checked: CheckedProfile, now: Date): Promise<void> {
  await db
    .updateTable('person')
    .set({ ...profileColumns(ring, checked), updated_at: now })
    .where('id', '=', personId)
    .execute();
}
