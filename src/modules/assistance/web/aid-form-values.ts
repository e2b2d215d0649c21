import type { AidCategory, AidKind, EducationStage, FundingSource } from '../aid-vocabulary';
import { placeFieldErrors } from '../../../web/forms/field-errors';

/** What the 登记帮扶 drawer holds (antd's values: a cleared number is null). */
export type AidRecordValues = {
  payingOrgUnitId?: number;
  category?: AidCategory;
  isGoldenAutumn?: boolean;
  educationStage?: EducationStage;
  studentMemberId?: number;
  fundingSource?: FundingSource;
  kind?: AidKind;
  itemDescription?: string;
  quantity?: number | null;
  amount?: number | null;
  aidDate?: string;
  note?: string;
};

/** The drawer's fields, as the server names them (for placing its refusals). */
export const AID_RECORD_FIELDS = [
  'payingOrgUnitId',
  'category',
  'isGoldenAutumn',
  'educationStage',
  'studentMemberId',
  'fundingSource',
  'kind',
  'itemDescription',
  'quantity',
  'amount',
  'aidDate',
  'note',
] as const;

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const number = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value);

/**
 * The body of POST /api/assistance/aid/records (ZCreateAidRecord): the
 * 助学 fields only for 助学, the item and quantity only in kind, empty text
 * left out (the server refuses an item on cash and wants one in kind).
 */
export function aidRecordBody(householdId: number, values: AidRecordValues): Record<string, unknown> {
  const education = values.category === 'education';
  const inKind = values.kind === 'in_kind';
  const body: Record<string, unknown> = {
    householdId,
    payingOrgUnitId: values.payingOrgUnitId,
    category: values.category,
    isGoldenAutumn: education && values.isGoldenAutumn === true,
    fundingSource: values.fundingSource,
    kind: values.kind ?? 'cash',
    amount: number(values.amount),
    aidDate: values.aidDate,
    note: text(values.note),
  };
  if (education) Object.assign(body, { studentMemberId: values.studentMemberId, educationStage: values.educationStage });
  if (inKind) Object.assign(body, { itemDescription: text(values.itemDescription), quantity: number(values.quantity) });
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/**
 * The server's refusal placed on the drawer: field errors on their fields —
 * a cap refusal names `amount` (with its figures in `details`), so it lands
 * there — and the rest in the alert.
 */
export const placeAidErrors = (error: { message: string; field?: string | undefined; details?: readonly { field: string; message: string }[] }) =>
  placeFieldErrors(error, AID_RECORD_FIELDS);

/** What the 新建活动 drawer holds. */
export type CampaignValues = {
  name?: string;
  payingOrgUnitId?: number;
  category?: AidCategory;
  isGoldenAutumn?: boolean;
  educationStage?: EducationStage;
  fundingSource?: FundingSource;
  kind?: AidKind;
  itemDescription?: string;
  standardAmount?: number | null;
  deepAmount?: number | null;
  relativeAmount?: number | null;
  accidentAmount?: number | null;
  budget?: number | null;
  aidDate?: string;
};

export const CAMPAIGN_FIELDS = [
  'name',
  'payingOrgUnitId',
  'category',
  'isGoldenAutumn',
  'educationStage',
  'fundingSource',
  'kind',
  'itemDescription',
  'standardAmount',
  'budget',
  'aidDate',
] as const;

/** The body of POST /api/assistance/campaigns (ZCreateCampaign): per-tier amounts only when given. */
export function campaignBody(values: CampaignValues): Record<string, unknown> {
  const education = values.category === 'education';
  const tierAmounts = Object.fromEntries(
    Object.entries({ deep: number(values.deepAmount), relative: number(values.relativeAmount), accident: number(values.accidentAmount) }).filter(([, value]) => value !== undefined),
  );
  const body: Record<string, unknown> = {
    name: text(values.name),
    payingOrgUnitId: values.payingOrgUnitId,
    category: values.category,
    isGoldenAutumn: education && values.isGoldenAutumn === true,
    educationStage: education ? values.educationStage : undefined,
    fundingSource: values.fundingSource,
    kind: values.kind ?? 'cash',
    itemDescription: values.kind === 'in_kind' ? text(values.itemDescription) : undefined,
    standardAmount: number(values.standardAmount),
    tierAmounts,
    budget: number(values.budget),
    aidDate: values.aidDate,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** Campaign refusals: tier amounts (`tierAmounts.deep`) land on their own inputs. */
export function placeCampaignErrors(error: { message: string; field?: string | undefined; details?: readonly { field: string; message: string }[] }) {
  const { placed, unplaced } = placeFieldErrors(error, [...CAMPAIGN_FIELDS, 'tierAmounts.deep', 'tierAmounts.relative', 'tierAmounts.accident']);
  const renamed = placed.map((entry) => (entry.name[0] === 'tierAmounts' ? { ...entry, name: [`${String(entry.name[1])}Amount`] } : entry));
  return { placed: renamed, unplaced };
}

/** Today in Beijing (the default aid date): YYYY-MM-DD. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
