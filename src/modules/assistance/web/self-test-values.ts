import type { Exclusion, SuddenEvent, TClassifyInput } from '../contract';

/** What the self-test form holds: cleared number inputs are null. */
export type SelfTestValues = {
  region?: string | null;
  year: number;
  householdSize?: number | null;
  annualIncome?: number | null;
  rigidExpenses?: { medical?: number | null; education?: number | null; disability?: number | null; jobCosts?: number | null };
  suddenCosts?: number | null;
  suddenEvent: SuddenEvent | 'none';
  isMigrantWorker: boolean;
  laborRelationMonths?: number | null;
  exclusions?: Exclusion[];
  dibao?: number | null;
};

const orZero = (value: number | null | undefined) => value ?? 0;
const present = <T,>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** The request the form's values make: empty spending counts as 0, empty optional fields are left out. */
export function toClassifyInput(values: SelfTestValues): TClassifyInput {
  const rigid = values.rigidExpenses ?? {};
  return {
    ...(values.region ? { region: values.region } : {}),
    year: values.year,
    householdSize: values.householdSize ?? Number.NaN,
    annualIncome: values.annualIncome ?? Number.NaN,
    rigidExpenses: {
      medical: orZero(rigid.medical),
      education: orZero(rigid.education),
      disability: orZero(rigid.disability),
      jobCosts: orZero(rigid.jobCosts),
    },
    suddenCosts: orZero(values.suddenCosts),
    ...(values.suddenEvent !== 'none' ? { suddenEvent: values.suddenEvent } : {}),
    isMigrantWorker: values.isMigrantWorker,
    ...(values.isMigrantWorker && present(values.laborRelationMonths) ? { laborRelationMonths: values.laborRelationMonths } : {}),
    exclusions: values.exclusions ?? [],
    ...(present(values.dibao) ? { dibao: values.dibao } : {}),
  };
}
