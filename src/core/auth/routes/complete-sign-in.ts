import type { SessionStage } from '../../db/schema';
import { type RequestContext, requireUser } from '../../http/request-context';
import type { TSignInResult } from '../contract';
import { csrfTokenFor } from '../csrf';
import { loadSignedInUser } from '../current-user';
import { describeMe } from '../describe-me';
import { setSessionStage } from '../session';

/** Moves the session to its next stage and answers like a login at that stage. */
export async function completeSignIn(ctx: RequestContext, token: string, stage: SessionStage): Promise<TSignInResult> {
  await setSessionStage(ctx.db, requireUser(ctx).sessionTokenHash, stage);
  ctx.user = await loadSignedInUser(ctx.db, { token, now: ctx.now(), config: ctx.config, declaredPermissions: ctx.platform.permissions });
  return { stage, csrfToken: csrfTokenFor(token), me: stage === 'full' ? await describeMe(ctx, token) : null };
}
