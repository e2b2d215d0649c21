import { inCallerScope } from '../../../../core/access/scope';
import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TAidRecord } from '../../aid-contract';
import { AID_CATEGORY_LABELS, AID_STATUS_LABELS, AID_SUBKIND_LABELS, FUNDING_SOURCE_LABELS } from '../../aid-vocabulary';
import { yuanTextToFen } from '../../rules/aid-caps';
import { fenToYuan } from '../../rules/money';
import './aid-schema';

export const aidRecordNotFound = () => notFound('帮扶记录');

/** Numeric text to a JSON number through fen (exact for sums of yuan to the fen). */
export const yuanNumber = (text: string) => fenToYuan(yuanTextToFen(text));

/**
 * Records in the caller's scope as the API shows them, with the household's
 * worker and union, the paying union, the student and who confirmed receipt.
 */
export async function aidRecordsWhere(ctx: RequestContext, filter: { id?: number; householdId?: number; year?: number | undefined }): Promise<TAidRecord[]> {
  let query = ctx.db
    .selectFrom('assistance_aid_record as r')
    .innerJoin('assistance_household as h', 'h.id', 'r.household_id')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .innerJoin('org_unit as hu', 'hu.id', 'h.org_unit_id')
    .innerJoin('org_unit as pu', 'pu.id', 'r.paying_org_unit_id')
    .leftJoin('assistance_household_member as s', 's.id', 'r.student_member_id')
    .leftJoin('account as c', 'c.id', 'r.receipt_confirmed_by')
    .selectAll('r')
    .select(['p.name as workerName', 'hu.id as unionId', 'hu.name as unionName', 'pu.name as payingName', 's.name as studentName', 'c.name as confirmedByName'])
    .where(inCallerScope(ctx, 'r.org_path'));
  if (filter.id !== undefined) query = query.where('r.id', '=', filter.id);
  if (filter.householdId !== undefined) query = query.where('r.household_id', '=', filter.householdId);
  if (filter.year !== undefined) query = query.where('r.aid_year', '=', filter.year);
  const rows = await query
    .orderBy('r.aid_date', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    household: { id: row.household_id, name: row.workerName, union: { id: row.unionId, name: row.unionName } },
    payingUnion: { id: row.paying_org_unit_id, name: row.payingName },
    category: row.category,
    categoryLabel: row.subkind ? AID_SUBKIND_LABELS[row.subkind] : AID_CATEGORY_LABELS[row.category],
    fundingSource: row.funding_source,
    fundingSourceLabel: FUNDING_SOURCE_LABELS[row.funding_source],
    kind: row.kind,
    itemDescription: row.item_description,
    quantity: row.quantity === null ? null : Number(row.quantity),
    amount: yuanNumber(row.amount),
    aidDate: row.aid_date,
    student: row.student_member_id && row.education_stage ? { memberId: row.student_member_id, name: row.studentName ?? '', stage: row.education_stage } : null,
    note: row.note,
    status: row.status,
    statusLabel: AID_STATUS_LABELS[row.status],
    campaignId: row.campaign_id,
    approvedAt: row.approved_at?.toISOString() ?? null,
    paidAt: row.paid_at?.toISOString() ?? null,
    receipt:
      row.received_on && row.receipt_confirmed_at
        ? { signer: row.receipt_signer, receivedOn: row.received_on, confirmedBy: row.confirmedByName, confirmedAt: row.receipt_confirmed_at.toISOString(), fileId: row.receipt_file_id }
        : null,
    createdAt: row.created_at.toISOString(),
  }));
}

export async function aidRecordView(ctx: RequestContext, id: number): Promise<TAidRecord> {
  const [record] = await aidRecordsWhere(ctx, { id });
  if (!record) throw aidRecordNotFound();
  return record;
}
