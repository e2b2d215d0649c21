import { readFile } from 'node:fs/promises';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { evidencePath } from '../evidence/evidence-store';
import { redeemEvidenceToken } from '../evidence/evidence-tokens';
import { findEvidenceFile } from '../evidence/find-evidence-file';

/**
 * The bytes of a file opened a moment ago (openEvidence): the one-time token
 * must have been issued to this account for this file and still be live. The
 * household is looked up first, so a file outside the caller's subtree is
 * NOT_FOUND whatever the token. The delivery is audited too (without the
 * reason, which the opening event holds): what left the server, and when.
 */
export async function downloadEvidence(ctx: RequestContext, householdId: number, fileId: number, token: string) {
  const user = requireUser(ctx);
  const file = await findEvidenceFile(ctx, householdId, fileId);
  if (!redeemEvidenceToken(ctx.platform, token, { accountId: user.account.id, householdId, fileId: file.id }, ctx.now())) {
    throw new AppError('FORBIDDEN', '查看链接已失效（只能使用一次，1 分钟内有效），请在档案页重新点击“查看”', { field: 'token' });
  }
  const bytes = await readFile(evidencePath(ctx.config.dataDir, file.id));
  await ctx.audit({
    action: 'assistance.household.file.download',
    category: 'sensitive-read',
    targetType: 'assistance_household',
    targetId: householdId,
    details: { fileId: file.id, sha256: file.sha256 },
  });
  return { file, bytes };
}
