import type { Insertable } from 'kysely';
import { parseIdNumber } from '../../../../core/cn/id-number';
import type { KeyRing } from '../../../../core/crypto';
import { AppError } from '../../../../core/http/errors';
import type { THouseholdFigures } from '../../household-contract';
import type { AssistanceHouseholdMemberTable } from '../schema';
import { type SealedIdNumber, sealMemberIdNumber } from './household-fields';

export type MemberValues = Omit<Insertable<AssistanceHouseholdMemberTable>, 'household_id' | 'org_path'>;

/** A member already on file, whose sealed ID number an edit keeps when it sends none. */
export type StoredMember = { id: number; relation: string; name: string; sealed: SealedIdNumber; birthDate: string; gender: 'male' | 'female' };

/** The main worker as the file's first member: name, sealed number and birth data from the person record. */
export type WorkerIdentity = { name: string; sealed: SealedIdNumber; birthDate: string; gender: 'male' | 'female' };

/**
 * The file's member rows, the main worker first (relation 本人, position 1),
 * then the members as typed. A new member's ID number is checked (GB 11643),
 * sealed and gives the birth date and gender; one already on file keeps its
 * sealed number unless a new one is typed. The same number twice is refused.
 */
export function buildMemberRows(ring: KeyRing, worker: WorkerIdentity, figures: THouseholdFigures, stored: ReadonlyMap<number, StoredMember> = new Map()): MemberValues[] {
  const self: MemberValues = {
    position: 1,
    relation: 'self',
    name: worker.name,
    id_number_envelope: worker.sealed.envelope,
    id_number_index: worker.sealed.index,
    id_number_masked: worker.sealed.masked,
    birth_date: worker.birthDate,
    gender: worker.gender,
    illnesses: figures.worker.illnesses,
    disability_type: figures.worker.disability?.type ?? null,
    disability_grade: figures.worker.disability?.grade ?? null,
    employment: figures.worker.employment,
    annual_income: figures.worker.annualIncome,
  };
  const rows = [self];
  const seen = new Map<string, number>([[worker.sealed.index, 0]]);
  figures.members.forEach((member, index) => {
    const field = `members.${index}`;
    let sealed: SealedIdNumber;
    let birthDate: string;
    let gender: 'male' | 'female';
    const onFile = member.id === undefined ? undefined : stored.get(member.id);
    if (member.id !== undefined && (!onFile || onFile.relation === 'self')) {
      throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 位家庭成员不在此档案中，请刷新后重试`, { field: `${field}.id` });
    }
    if (member.idNumber !== undefined) {
      const parsed = parseIdNumber(member.idNumber);
      if (!parsed.ok) throw new AppError('VALIDATION_FAILED', parsed.message, { field: `${field}.idNumber` });
      sealed = sealMemberIdNumber(ring, parsed.value.idNumber);
      birthDate = parsed.value.birthDate;
      gender = parsed.value.gender;
    } else {
      // ZHouseholdMemberInput requires a number unless the member is on file.
      ({ sealed, birthDate, gender } = onFile!);
    }
    const twin = seen.get(sealed.index);
    if (twin !== undefined) {
      const other = twin === 0 ? '本人' : `第 ${twin} 位家庭成员`;
      throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 位家庭成员的公民身份号码与${other}相同`, { field: `${field}.idNumber` });
    }
    seen.set(sealed.index, index + 1);
    rows.push({
      position: index + 2,
      relation: member.relation,
      name: member.name,
      id_number_envelope: sealed.envelope,
      id_number_index: sealed.index,
      id_number_masked: sealed.masked,
      birth_date: birthDate,
      gender,
      illnesses: member.illnesses,
      disability_type: member.disability?.type ?? null,
      disability_grade: member.disability?.grade ?? null,
      employment: member.employment,
      annual_income: member.annualIncome,
    });
  });
  return rows;
}
