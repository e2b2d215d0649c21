import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TUpdateHousehold } from '../../household-contract';
import { EDITABLE_HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS } from '../../vocabulary';
import { classifyFigures } from '../household/classify-figures';
import { sealBankAccount } from '../household/household-fields';
import { figureColumns } from '../household/household-figures';
import { buildMemberRows, type StoredMember } from '../household/household-members';
import { assertOneHousehold } from '../household/one-household';
import { loadHousehold } from '../queries/load-household';

export const STALE_HOUSEHOLD_MESSAGE = '该档案已被他人修改，请刷新后重试';

/**
 * 修改档案: every figure and member again, from the version the clerk started
 * from (a stale version is refused, never overwritten). The tier is
 * recomputed with today's rules; any change voids an earlier civil-affairs
 * check (the financial check must check again). Frozen during the public
 * notice (the public saw those figures) and once the file is closed. Both
 * refusals are 409, told apart by their code: STALE_VERSION (reload and edit
 * again) or RECORD_FROZEN (no edit is possible now).
 */
export async function updateHousehold(ctx: RequestContext, id: number, input: TUpdateHousehold): Promise<{ id: number; version: number }> {
  const household = await loadHousehold(ctx, id, { lock: true });
  // Frozen first: reloading a newer version of a frozen file would not make it editable.
  if (!EDITABLE_HOUSEHOLD_STATUSES.includes(household.status)) {
    const why = household.status === 'notice' ? '公示期间不能修改档案，如有异议请登记公示异议' : `档案${HOUSEHOLD_STATUS_LABELS[household.status]}，不能修改`;
    throw new AppError('RECORD_FROZEN', why);
  }
  if (household.version !== input.expectedVersion) throw new AppError('STALE_VERSION', STALE_HOUSEHOLD_MESSAGE);
  const stored = await ctx.db
    .selectFrom('assistance_household_member')
    .select(['id', 'relation', 'name', 'id_number_envelope', 'id_number_index', 'id_number_masked', 'birth_date', 'gender'])
    .where('household_id', '=', id)
    .orderBy('position')
    .execute();
  const byId = new Map<number, StoredMember>(
    stored.map((row) => [
      row.id,
      {
        id: row.id,
        relation: row.relation,
        name: row.name,
        sealed: { envelope: row.id_number_envelope, index: row.id_number_index, masked: row.id_number_masked },
        birthDate: row.birth_date,
        gender: row.gender,
      },
    ]),
  );
  const self = stored.find((row) => row.relation === 'self')!;
  const worker = byId.get(self.id)!;
  const members = buildMemberRows(ctx.keys.ring, worker, input, byId);
  await assertOneHousehold(ctx.db, { personId: household.person_id, members, exceptHousehold: id });

  let bank: { bank_name: string | null; bank_account_envelope: string | null; bank_account_masked: string | null };
  if (!input.bank) {
    bank = { bank_name: null, bank_account_envelope: null, bank_account_masked: null };
  } else if (input.bank.accountNumber) {
    const sealed = sealBankAccount(ctx.keys.ring, input.bank.accountNumber);
    bank = { bank_name: input.bank.bankName, bank_account_envelope: sealed.envelope, bank_account_masked: sealed.masked };
  } else if (household.bank_account_envelope) {
    bank = { bank_name: input.bank.bankName, bank_account_envelope: household.bank_account_envelope, bank_account_masked: household.bank_account_masked };
  } else {
    throw new AppError('VALIDATION_FAILED', '请填写银行账号', { field: 'bank.accountNumber' });
  }
  const regionCode = input.regionCode ?? household.region_code;
  const { columns } = await classifyFigures(ctx, input, { regionCode, householdSize: members.length });
  const version = household.version + 1;
  await ctx.db
    .updateTable('assistance_household')
    .set({ ...figureColumns(input, regionCode), ...bank, ...columns, version, updated_at: ctx.now() })
    .where('id', '=', id)
    .execute();
  // Members are written again whole (positions follow the new order); sealed numbers carry over.
  await ctx.db.deleteFrom('assistance_household_member').where('household_id', '=', id).execute();
  await ctx.db
    .insertInto('assistance_household_member')
    .values(members.map((member) => ({ ...member, household_id: id, org_path: household.org_path })))
    .execute();
  await ctx.audit({
    action: 'assistance.household.update',
    category: 'write',
    targetType: 'assistance_household',
    targetId: id,
    details: { version, householdSize: members.length, tierChanged: columns.tier !== household.tier },
  });
  return { id, version };
}
