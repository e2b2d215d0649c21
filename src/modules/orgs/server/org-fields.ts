import type { Updateable } from 'kysely';
import { maskMobile, parseMobile } from '../../../core/cn/mobile';
import { normalizeCode } from '../../../core/cn/normalize';
import { type KeyRing, sealField } from '../../../core/crypto';
import type { OrgUnitTable } from '../../../core/db/schema';
import { AppError } from '../../../core/http/errors';
import type { RequestContext } from '../../../core/http/request-context';
import { creditCodeProblem, ORG_FIELD_LABELS, regionCodeProblem, type TOrgFields } from '../contract';
import { dateOfRecord } from './org-units';

/**
 * The contact phone is sealed in its own context (like a member's or a staff
 * phone, GB/T 39786-2021 8.4 e): an envelope copied from another column does
 * not open here. Only the mask is ever sent; no blind index (nobody looks a
 * union up by its contact's phone).
 */
export const ORG_CONTACT_PHONE_CONTEXT = 'org_unit.contact_phone';

export type OrgColumns = Updateable<OrgUnitTable>;

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim());

function sealContactPhone(ring: KeyRing, input: string): Pick<OrgColumns, 'contact_phone_envelope' | 'contact_phone_masked'> {
  const parsed = parseMobile(input);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', `${ORG_FIELD_LABELS.contactPhone}：${parsed.message}`, { field: 'contactPhone' });
  }
  return {
    contact_phone_envelope: sealField(ring, parsed.value.mobile, ORG_CONTACT_PHONE_CONTEXT),
    contact_phone_masked: maskMobile(parsed.value.mobile),
  };
}

function creditCode(value: string | null | undefined, field: 'creditCode' | 'employerCreditCode'): string | null | undefined {
  const text = blankToNull(value);
  if (!text) return text;
  const problem = creditCodeProblem(text, field);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field });
  return normalizeCode(text);
}

function regionCode(value: string | null | undefined): string | null | undefined {
  const text = blankToNull(value);
  if (!text) return text;
  const problem = regionCodeProblem(text);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'regionCode' });
  return normalizeCode(text);
}

/**
 * The columns for the registry fields present in `input` (a field left out is
 * left out here too), validated with messages that name the field.
 */
export function orgColumns(ctx: RequestContext, input: Partial<TOrgFields>): OrgColumns {
  const columns: OrgColumns = {
    name: input.name?.trim(),
    short_name: blankToNull(input.shortName),
    type: input.type,
    credit_code: creditCode(input.creditCode, 'creditCode'),
    employer_name: blankToNull(input.employerName),
    employer_credit_code: creditCode(input.employerCreditCode, 'employerCreditCode'),
    region_code: regionCode(input.regionCode),
    industry_code: input.industryCode,
    unit_category: input.unitCategory,
    address: blankToNull(input.address),
    established_on:
      input.establishedOn === undefined || input.establishedOn === null
        ? input.establishedOn
        : dateOfRecord(ctx, input.establishedOn, 'establishedOn', ORG_FIELD_LABELS.establishedOn),
    chair_name: blankToNull(input.chairName),
    contact_name: blankToNull(input.contactName),
    employee_count: input.employeeCount,
    women_count: input.womenCount,
    migrant_count: input.migrantCount,
  };
  const phone = blankToNull(input.contactPhone);
  if (phone === null) {
    Object.assign(columns, { contact_phone_envelope: null, contact_phone_masked: null });
  } else if (phone !== undefined) {
    Object.assign(columns, sealContactPhone(ctx.keys.ring, phone));
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as OrgColumns;
}

/** 女职工、农民工 are among the employees: neither may exceed 职工人数 (the table checks it too). */
export function checkCounts(counts: { employee_count: number | null; women_count: number | null; migrant_count: number | null }): void {
  const total = counts.employee_count;
  if (total === null) return;
  if (counts.women_count !== null && counts.women_count > total) {
    throw new AppError('VALIDATION_FAILED', `${ORG_FIELD_LABELS.womenCount}（${counts.women_count}）不能超过${ORG_FIELD_LABELS.employeeCount}（${total}）`, {
      field: 'womenCount',
    });
  }
  if (counts.migrant_count !== null && counts.migrant_count > total) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${ORG_FIELD_LABELS.migrantCount}（${counts.migrant_count}）不能超过${ORG_FIELD_LABELS.employeeCount}（${total}）`,
      { field: 'migrantCount' },
    );
  }
}

/** The API names of the columns a change touched, for the audit trail (names only, never values). */
export const FIELD_OF_COLUMN: Readonly<Record<string, string>> = {
  name: 'name',
  short_name: 'shortName',
  type: 'type',
  credit_code: 'creditCode',
  employer_name: 'employerName',
  employer_credit_code: 'employerCreditCode',
  region_code: 'regionCode',
  industry_code: 'industryCode',
  unit_category: 'unitCategory',
  address: 'address',
  established_on: 'establishedOn',
  chair_name: 'chairName',
  contact_name: 'contactName',
  contact_phone_envelope: 'contactPhone',
  employee_count: 'employeeCount',
  women_count: 'womenCount',
  migrant_count: 'migrantCount',
};
