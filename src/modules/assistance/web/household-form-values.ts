import type { DibaoArea, Exclusion, SuddenEvent } from '../contract';
import type { THouseholdDetail } from '../household-contract';
import type { DisabilityType, Employment, HardshipCause, Illness, Relation } from '../vocabulary';

/** 残疾 as the form holds it: both empty (none), or a type with its grade. */
export type DisabilityValue = { type?: DisabilityType; grade?: 1 | 2 | 3 | 4 } | undefined;

export type MemberFormValue = {
  /** A member already on file (edit): without a new idNumber the sealed one is kept. */
  id?: number;
  relation?: Exclude<Relation, 'self'>;
  name?: string;
  idNumber?: string;
  /** Shown read-only for a member on file (the console only ever sees it masked). */
  idNumberMasked?: string;
  illnesses?: Illness[];
  disability?: DisabilityValue;
  employment?: Employment;
  annualIncome?: number | null;
};

/**
 * The household file form's values: the API body's own shape (so the server's
 * field paths name form fields as they are), with empty inputs as undefined.
 */
export type HouseholdFormValues = {
  membershipId?: number;
  regionCode?: string;
  dibaoArea?: DibaoArea;
  workerType?: 'worker' | 'migrant_worker';
  laborRelationMonths?: number | null;
  annualIncome?: number | null;
  rigidExpenses?: { medical?: number | null; education?: number | null; disability?: number | null; jobCosts?: number | null };
  suddenCosts?: number | null;
  suddenEvent?: SuddenEvent | null;
  exclusions?: Exclusion[];
  declaredProperty?: { vehicles?: number | null; houses?: number | null };
  mainCause?: HardshipCause;
  secondaryCauses?: HardshipCause[];
  bank?: { bankName?: string; accountNumber?: string; accountMasked?: string };
  worker?: { illnesses?: Illness[]; disability?: DisabilityValue; employment?: Employment; annualIncome?: number | null };
  members?: MemberFormValue[];
};

const amount = (value: number | null | undefined) => value ?? 0;
const text = (value: string | undefined) => (value ?? '').trim();

const disabilityOf = (value: DisabilityValue) => (value?.type ? { type: value.type, grade: value.grade } : null);

/**
 * The request body of 建档 or 修改 from the form. Empty amounts are 0; a
 * disability without a type is none; on an edit an empty bank account or a
 * member's empty ID number keeps the one on file (write-only fields: the
 * console never had them); no bank at all is null.
 */
export function householdBody(values: HouseholdFormValues, options: { editing: boolean }) {
  const bankName = text(values.bank?.bankName);
  const accountNumber = text(values.bank?.accountNumber);
  const hasBankOnFile = options.editing && Boolean(values.bank?.accountMasked);
  const bank =
    bankName === '' && accountNumber === '' && !hasBankOnFile ? null : { bankName, ...(accountNumber !== '' ? { accountNumber } : {}) };
  const isMigrant = values.workerType === 'migrant_worker';
  return {
    ...(values.regionCode ? { regionCode: values.regionCode } : {}),
    dibaoArea: values.dibaoArea ?? 'urban',
    workerType: values.workerType ?? 'worker',
    laborRelationMonths: isMigrant ? (values.laborRelationMonths ?? null) : null,
    annualIncome: values.annualIncome ?? undefined,
    rigidExpenses: {
      medical: amount(values.rigidExpenses?.medical),
      education: amount(values.rigidExpenses?.education),
      disability: amount(values.rigidExpenses?.disability),
      jobCosts: amount(values.rigidExpenses?.jobCosts),
    },
    suddenCosts: amount(values.suddenCosts),
    suddenEvent: values.suddenEvent ?? null,
    exclusions: values.exclusions ?? [],
    declaredProperty: { vehicles: values.declaredProperty?.vehicles ?? 0, houses: values.declaredProperty?.houses ?? 0 },
    mainCause: values.mainCause,
    secondaryCauses: values.secondaryCauses ?? [],
    bank,
    worker: {
      illnesses: values.worker?.illnesses ?? [],
      disability: disabilityOf(values.worker?.disability),
      employment: values.worker?.employment ?? 'employed',
      annualIncome: amount(values.worker?.annualIncome),
    },
    members: (values.members ?? []).map((member) => {
      const idNumber = text(member.idNumber);
      return {
        ...(member.id !== undefined ? { id: member.id } : {}),
        relation: member.relation,
        name: text(member.name),
        ...(idNumber !== '' || member.id === undefined ? { idNumber } : {}),
        illnesses: member.illnesses ?? [],
        disability: disabilityOf(member.disability),
        employment: member.employment ?? 'other',
        annualIncome: amount(member.annualIncome),
      };
    }),
  };
}

const gradeOf = (grade: number): 1 | 2 | 3 | 4 | undefined => (grade === 1 || grade === 2 || grade === 3 || grade === 4 ? grade : undefined);

/** The form of an edit, from the file as the server shows it (the main worker is the member `self`). */
export function valuesFromDetail(detail: THouseholdDetail): HouseholdFormValues {
  const self = detail.members.find((member) => member.relation === 'self');
  const disability = (value: { type: DisabilityType; grade: number } | null): DisabilityValue =>
    value ? { type: value.type, grade: gradeOf(value.grade) } : undefined;
  return {
    regionCode: detail.regionCode,
    dibaoArea: detail.dibaoArea,
    workerType: detail.workerType,
    laborRelationMonths: detail.laborRelationMonths,
    annualIncome: detail.annualIncome,
    rigidExpenses: { ...detail.rigidExpenses },
    suddenCosts: detail.suddenCosts,
    suddenEvent: detail.suddenEvent,
    exclusions: [...detail.exclusions],
    declaredProperty: { ...detail.declaredProperty },
    mainCause: detail.mainCause,
    secondaryCauses: [...detail.secondaryCauses],
    bank: detail.bank ? { bankName: detail.bank.bankName, accountMasked: detail.bank.accountMasked } : undefined,
    worker: self
      ? { illnesses: [...self.illnesses], disability: disability(self.disability), employment: self.employment, annualIncome: self.annualIncome }
      : undefined,
    members: detail.members
      .filter((member) => member.relation !== 'self')
      .map((member) => ({
        id: member.id,
        relation: member.relation as Exclude<Relation, 'self'>,
        name: member.name,
        idNumberMasked: member.idNumberMasked,
        illnesses: [...member.illnesses],
        disability: disability(member.disability),
        employment: member.employment,
        annualIncome: member.annualIncome,
      })),
  };
}

/**
 * The form fields of the household form that can carry a server message, as
 * dotted paths with `*` for a list index (`members.*.idNumber`).
 */
export const HOUSEHOLD_FORM_FIELDS: readonly string[] = [
  'membershipId',
  'regionCode',
  'dibaoArea',
  'workerType',
  'laborRelationMonths',
  'annualIncome',
  'rigidExpenses.medical',
  'rigidExpenses.education',
  'rigidExpenses.disability',
  'rigidExpenses.jobCosts',
  'suddenCosts',
  'suddenEvent',
  'exclusions',
  'declaredProperty.vehicles',
  'declaredProperty.houses',
  'mainCause',
  'secondaryCauses',
  'bank.bankName',
  'bank.accountNumber',
  'worker.illnesses',
  'worker.disability.type',
  'worker.disability.grade',
  'worker.employment',
  'worker.annualIncome',
  'members',
  'members.*.relation',
  'members.*.name',
  'members.*.idNumber',
  'members.*.illnesses',
  'members.*.disability.type',
  'members.*.disability.grade',
  'members.*.employment',
  'members.*.annualIncome',
];
