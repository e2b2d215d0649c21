import { inCallerScope } from '../../../../core/access/scope';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';

/** Memberships a file may be built on: 在册 (in good standing) or 保留会籍 (retired, laid off, unemployed). */
const FILEABLE = ['active', 'retained'];

const STATUS_WORDS: Record<string, string> = {
  pending: '入会申请尚未批准',
  refused: '入会申请未获批准',
  transferring: '正在办理转会，请待转会完成后由接收工会建档',
  transferred: '已转出',
  exited: '已退会',
  expelled: '已被开除会籍',
  deceased: '已去世',
};

export type Applicant = {
  membershipId: number;
  personId: number;
  orgUnitId: number;
  orgPath: string;
  name: string;
  idNumberEnvelope: string;
  idNumberIndex: string;
  idNumberMasked: string;
  birthDate: string;
  gender: 'male' | 'female';
};

/**
 * The member a file is built on (困难职工 are union members: the file hangs off
 * a current membership in the caller's subtree, at the union that holds it).
 * Read from members_membership under row-level security; another module's
 * rows, but only their identity and standing.
 */
export async function findApplicant(ctx: RequestContext, membershipId: number): Promise<Applicant> {
  const row = await ctx.db
    .selectFrom('members_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select([
      'm.id',
      'm.status',
      'm.person_id',
      'm.org_unit_id',
      'm.org_path',
      'p.name',
      'p.id_number_envelope',
      'p.id_number_index',
      'p.id_number_masked',
      'p.birth_date',
      'p.gender',
    ])
    .where('m.id', '=', membershipId)
    .where(inCallerScope(ctx, 'm.org_path'))
    .executeTakeFirst();
  if (!row) throw notFound('会员');
  if (!FILEABLE.includes(row.status)) {
    throw new AppError('CONFLICT', `只能为在册会员建档：该会员${STATUS_WORDS[row.status] ?? '不在册'}`, { field: 'membershipId' });
  }
  return {
    membershipId: row.id,
    personId: row.person_id,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    name: row.name,
    idNumberEnvelope: row.id_number_envelope,
    idNumberIndex: row.id_number_index,
    idNumberMasked: row.id_number_masked,
    birthDate: row.birth_date,
    gender: row.gender,
  };
}
