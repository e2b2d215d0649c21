import { t } from '../../../web/i18n';
import { EMPLOYMENT_FORM_LABELS, type EmploymentForm, GIG_EMPLOYMENT_FORMS } from '../contract';
import { EDUCATION_LABELS, ETHNICITY_CODES, ETHNICITY_LABELS, HOUSEHOLD_TYPE_LABELS, POLITICAL_STATUS_LABELS } from '../vocabulary';

const optionsOf = <C extends string>(labels: Readonly<Record<C, string>>, codes: readonly C[] = Object.keys(labels) as C[]) =>
  codes.map((value) => ({ value, label: labels[value] }));

/** Select options of the member record's controlled vocabularies (vocabulary.ts): the value is the stored code. */
export const ETHNICITY_OPTIONS = optionsOf(ETHNICITY_LABELS, ETHNICITY_CODES);
export const EDUCATION_OPTIONS = optionsOf(EDUCATION_LABELS);
export const POLITICAL_STATUS_OPTIONS = optionsOf(POLITICAL_STATUS_LABELS);
export const HOUSEHOLD_TYPE_OPTIONS = optionsOf(HOUSEHOLD_TYPE_LABELS);

/** 就业形态: the ordinary forms, then the 新就业形态 groups under their own heading. */
export const EMPLOYMENT_FORM_OPTIONS = [
  ...optionsOf(
    EMPLOYMENT_FORM_LABELS,
    (Object.keys(EMPLOYMENT_FORM_LABELS) as EmploymentForm[]).filter((form) => !GIG_EMPLOYMENT_FORMS.includes(form)),
  ),
  { label: t('members.gigGroup'), title: t('members.gigGroup'), options: optionsOf(EMPLOYMENT_FORM_LABELS, GIG_EMPLOYMENT_FORMS) },
];

export const isGigForm = (form: string | null | undefined): boolean => GIG_EMPLOYMENT_FORMS.includes(form as EmploymentForm);
