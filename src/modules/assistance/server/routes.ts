import { beijingDate } from '../../../core/files/beijing-time';
import { AppError } from '../../../core/http/errors';
import { defineRoute } from '../../../core/http/route';
import { ZClassification, ZClassifyRequest, ZStandardRegions } from '../contract';
import { findStandardRegions } from './queries/find-standard-regions';
import { selfTestLimiter } from './self-test-limiter';
import { classifyWithRules } from './use-cases/classify-with-rules';

/**
 * 困难职工自测: public, needs no sign-in, stores nothing. Audit category `none` like the
 * other public reads: the figures a worker types are neither kept nor logged (the request
 * log line has method, path and status only).
 */
export const selfTestRoute = defineRoute({
  method: 'POST',
  url: '/assistance/self-test',
  summary: '困难职工家庭自测：按家庭收入、刚性支出等测算困难类别并说明理由（无需登录，不保存任何信息）',
  access: 'public',
  audit: 'none',
  body: ZClassifyRequest,
  response: ZClassification,
  handler: async ({ body, ctx }) => {
    if (!selfTestLimiter(ctx.platform).hit(ctx.ip, ctx.now().getTime())) {
      throw new AppError('RATE_LIMITED', '自测提交过于频繁，请一分钟后再试');
    }
    return classifyWithRules(ctx.db, body, beijingDate(ctx.now()));
  },
});

export const standardRegionsRoute = defineRoute({
  method: 'GET',
  url: '/assistance/regions',
  summary: '已设定低保标准的地区（自测页面的地区选择）',
  access: 'public',
  audit: 'none',
  response: ZStandardRegions,
  handler: ({ ctx }) => findStandardRegions(ctx.db),
});
