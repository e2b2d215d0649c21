import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TEvidenceOpenResult } from '../../household-contract';
import { issueEvidenceToken } from '../evidence/evidence-tokens';
import { findEvidenceFile } from '../evidence/find-evidence-file';

/**
 * 查看佐证材料, for a stated reason: the materials show income, illness and
 * disability (PIPL 第二十八条), so the view is a sensitive read, audited with
 * the reason (PIPL 第六条、第五十一条). The reason comes in the body; the answer
 * is a one-time token the browser's new tab fetches the bytes with
 * (evidence-tokens.ts), so no URL carries it.
 */
export async function openEvidence(ctx: RequestContext, householdId: number, fileId: number, reason: string): Promise<TEvidenceOpenResult> {
  const user = requireUser(ctx);
  const file = await findEvidenceFile(ctx, householdId, fileId);
  await ctx.audit({
    action: 'assistance.household.file.read',
    category: 'sensitive-read',
    targetType: 'assistance_household',
    targetId: householdId,
    reason,
    details: { fileId: file.id, kind: file.kind, sha256: file.sha256 },
  });
  const { token, expiresAt } = issueEvidenceToken(ctx.platform, { accountId: user.account.id, householdId, fileId: file.id }, ctx.now());
  return { token, expiresAt: expiresAt.toISOString() };
}
