import type { RequestContext } from '../../../../core/http/request-context';
import { notify } from '../../../../core/notifications/notify';

/** Where a 督办 notification leads: the plan's 督办 tab. */
export const supervisionLink = (planId: number) => `/plans/${planId}?tab=supervision`;

/** Notifies the accounts holding `permission` at a union, about a plan's 督办, in the request's transaction. */
export const notifyUnit = (ctx: RequestContext, input: { planId: number; orgUnitId: number; permission: string; kind: string; title: string; body: string }) =>
  notify(ctx.db, {
    orgUnitId: input.orgUnitId,
    permission: input.permission,
    module: 'plans',
    kind: input.kind,
    title: input.title.slice(0, 200),
    body: input.body.slice(0, 2000),
    link: supervisionLink(input.planId),
    at: ctx.now(),
  });
