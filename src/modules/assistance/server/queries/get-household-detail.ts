import { beijingDate } from '../../../../core/files/beijing-time';
import type { RequestContext } from '../../../../core/http/request-context';
import { describeInstance, findWorkflowInstance } from '../../../../core/workflow/engine';
import { HARDSHIP_TIER_LABELS } from '../../contract';
import type { THouseholdDetail } from '../../household-contract';
import { EVIDENCE_KIND_LABELS, HOUSEHOLD_STATUS_LABELS, RELATION_LABELS } from '../../vocabulary';
import { FILING_RECORD_TYPE, filingWorkflow } from '../filing/filing-workflow';
import { ageOn, healthLabel } from '../household/member-facts';
import { loadHousehold } from './load-household';

/**
 * One file as the console shows it: ID numbers and the bank account masked
 * (the reveal route opens them, for a reason), health, income and the
 * classification's explanation in full. The view itself is audited
 * (sensitive-read: health and income are sensitive, PIPL 第二十八条).
 */
export async function getHouseholdDetail(ctx: RequestContext, id: number, options: { audit?: boolean } = {}): Promise<THouseholdDetail> {
  const household = await loadHousehold(ctx, id);
  const today = beijingDate(ctx.now());
  const [person, union, members, files, instance] = await Promise.all([
    ctx.db.selectFrom('person').select(['id', 'name', 'id_number_masked', 'gender', 'birth_date']).where('id', '=', household.person_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('org_unit').select(['id', 'name']).where('id', '=', household.org_unit_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('assistance_household_member').selectAll().where('household_id', '=', id).orderBy('position').execute(),
    ctx.db.selectFrom('assistance_household_file').selectAll().where('household_id', '=', id).orderBy('id').execute(),
    findWorkflowInstance(ctx, filingWorkflow, { recordType: FILING_RECORD_TYPE, recordId: id }),
  ]);
  if (options.audit !== false) {
    await ctx.audit({ action: 'assistance.household.view', category: 'sensitive-read', targetType: 'assistance_household', targetId: id, details: {} });
  }
  return {
    id: household.id,
    version: household.version,
    status: household.status,
    statusLabel: HOUSEHOLD_STATUS_LABELS[household.status],
    worker: { personId: person.id, name: person.name, idNumberMasked: person.id_number_masked, gender: person.gender, age: ageOn(person.birth_date, today) },
    union,
    regionCode: household.region_code,
    dibaoArea: household.dibao_area,
    workerType: household.worker_type,
    laborRelationMonths: household.labor_relation_months,
    annualIncome: Number(household.annual_income),
    rigidExpenses: {
      medical: Number(household.medical_expense),
      education: Number(household.education_expense),
      disability: Number(household.disability_expense),
      jobCosts: Number(household.job_expense),
    },
    suddenCosts: Number(household.sudden_costs),
    suddenEvent: household.sudden_event,
    exclusions: household.exclusions,
    declaredProperty: { vehicles: household.declared_vehicles, houses: household.declared_houses },
    mainCause: household.main_cause,
    secondaryCauses: household.secondary_causes,
    bank: household.bank_account_masked ? { bankName: household.bank_name ?? '', accountMasked: household.bank_account_masked } : null,
    householdSize: household.household_size,
    members: members.map((member) => ({
      id: member.id,
      position: member.position,
      relation: member.relation,
      relationLabel: RELATION_LABELS[member.relation],
      name: member.name,
      idNumberMasked: member.id_number_masked,
      gender: member.gender,
      age: ageOn(member.birth_date, today),
      healthLabel: healthLabel({ illnesses: member.illnesses, disabilityType: member.disability_type, disabilityGrade: member.disability_grade }),
      illnesses: member.illnesses,
      disability: member.disability_type ? { type: member.disability_type, grade: member.disability_grade ?? 0 } : null,
      employment: member.employment,
      annualIncome: Number(member.annual_income),
    })),
    classification: {
      tier: household.tier,
      tierLabel: HARDSHIP_TIER_LABELS[household.tier],
      perCapitaMonthly: Number(household.per_capita_monthly),
      dibao: Number(household.dibao_monthly),
      reasons: household.reasons as string[],
      rulesDay: household.rules_day,
      classifiedAt: household.classified_at.toISOString(),
    },
    filedTier: household.filed_tier,
    fileLevel: household.file_level,
    filedOn: household.filed_on,
    lastVerifiedOn: household.last_verified_on,
    civilCheck:
      household.civil_check_status && household.civil_checked_at
        ? {
            status: household.civil_check_status,
            findings: (household.civil_check_findings as { code: string; message: string }[] | null) ?? [],
            driver: household.civil_check_driver ?? '',
            checkedAt: household.civil_checked_at.toISOString(),
          }
        : null,
    files: files.map((file) => ({
      id: file.id,
      kind: file.kind,
      kindLabel: EVIDENCE_KIND_LABELS[file.kind],
      name: file.name,
      contentType: file.content_type,
      size: file.size,
      sha256: file.sha256,
      uploadedAt: file.uploaded_at.toISOString(),
    })),
    workflow: instance ? describeInstance(filingWorkflow, instance) : null,
    createdAt: household.created_at.toISOString(),
    updatedAt: household.updated_at.toISOString(),
  };
}
