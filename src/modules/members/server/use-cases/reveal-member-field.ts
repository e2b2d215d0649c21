import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { openPersonField } from '../../../../core/person/person-fields';
import type { TRevealRequest, TRevealResult } from '../../contract';

/**
 * The full value of a masked field, for a stated reason. Every reveal is an
 * audit event with the reason (PIPL art. 6 and 51; 等保 level 3 8.1.4.3); the
 * value itself never enters the audit trail.
 */
export async function revealMemberField(ctx: RequestContext, membershipId: number, request: TRevealRequest): Promise<TRevealResult> {
  const row = await ctx.db
    .selectFrom('members_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id as person_id', 'p.id_number_envelope', 'p.phone_envelope'])
    .where('m.id', '=', membershipId)
    .executeTakeFirst();
  if (!row) {
    throw notFound('会员');
  }
  const envelope = request.field === 'idNumber' ? row.id_number_envelope : row.phone_envelope;
  await ctx.audit({
    action: 'members.reveal',
    category: 'sensitive-read',
    targetType: 'person',
    targetId: row.person_id,
    reason: request.reason,
    details: { field: request.field, membershipId },
  });
  return { field: request.field, value: envelope === null ? null : openPersonField(ctx.keys.ring, request.field, envelope) };
}
