import type { Selectable } from 'kysely';
import type { HouseholdFigures } from '../../rules/classify-household';
import type { THouseholdFigures } from '../../household-contract';
import type { AssistanceHouseholdTable } from '../schema';

/** What the classifier reads of a file's figures as the clerk typed them (household-contract.ts). */
export const figuresFromInput = (figures: THouseholdFigures, householdSize: number): HouseholdFigures => ({
  householdSize,
  annualIncome: figures.annualIncome,
  rigidExpenses: figures.rigidExpenses,
  suddenCosts: figures.suddenCosts,
  suddenEvent: figures.suddenEvent,
  isMigrantWorker: figures.workerType === 'migrant_worker',
  laborRelationMonths: figures.laborRelationMonths ?? undefined,
  exclusions: figures.exclusions,
});

type FigureColumns = Pick<
  Selectable<AssistanceHouseholdTable>,
  | 'household_size'
  | 'annual_income'
  | 'medical_expense'
  | 'education_expense'
  | 'disability_expense'
  | 'job_expense'
  | 'sudden_costs'
  | 'sudden_event'
  | 'worker_type'
  | 'labor_relation_months'
  | 'exclusions'
>;

/** The columns the classifier needs (a re-verification reads only these). */
export const FIGURE_COLUMNS = [
  'household_size',
  'annual_income',
  'medical_expense',
  'education_expense',
  'disability_expense',
  'job_expense',
  'sudden_costs',
  'sudden_event',
  'worker_type',
  'labor_relation_months',
  'exclusions',
] as const;

/** What the classifier reads of a stored file (numeric columns arrive as text). */
export const figuresFromRow = (row: FigureColumns): HouseholdFigures => ({
  householdSize: row.household_size,
  annualIncome: Number(row.annual_income),
  rigidExpenses: {
    medical: Number(row.medical_expense),
    education: Number(row.education_expense),
    disability: Number(row.disability_expense),
    jobCosts: Number(row.job_expense),
  },
  suddenCosts: Number(row.sudden_costs),
  suddenEvent: row.sudden_event,
  isMigrantWorker: row.worker_type === 'migrant_worker',
  laborRelationMonths: row.labor_relation_months ?? undefined,
  exclusions: row.exclusions,
});

/** The figure columns of a file as the clerk typed them (the classification's columns come separately). */
export const figureColumns = (figures: THouseholdFigures, regionCode: string) => ({
  region_code: regionCode,
  dibao_area: figures.dibaoArea,
  worker_type: figures.workerType,
  labor_relation_months: figures.workerType === 'migrant_worker' ? figures.laborRelationMonths : null,
  annual_income: figures.annualIncome,
  medical_expense: figures.rigidExpenses.medical,
  education_expense: figures.rigidExpenses.education,
  disability_expense: figures.rigidExpenses.disability,
  job_expense: figures.rigidExpenses.jobCosts,
  sudden_costs: figures.suddenCosts,
  sudden_event: figures.suddenEvent,
  exclusions: figures.exclusions,
  declared_vehicles: figures.declaredProperty.vehicles,
  declared_houses: figures.declaredProperty.houses,
  main_cause: figures.mainCause,
  secondary_causes: figures.secondaryCauses,
});
