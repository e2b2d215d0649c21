import { createRateLimiter, type RateLimiter } from '../../../core/http/rate-limiter';

/**
 * The public self-test answers anyone, so it is limited per client address like
 * sign-in (app.ts): 30 a minute is more than a person fills in, and slows a script
 * that would walk the rule tables or load the server. One limiter per app
 * instance, keyed by the instance's platform object, so test apps do not share counts.
 */
const SELF_TESTS_PER_MINUTE = 30;

const limiters = new WeakMap<object, RateLimiter>();

export function selfTestLimiter(platform: object): RateLimiter {
  let limiter = limiters.get(platform);
  if (!limiter) {
    limiter = createRateLimiter({ limit: SELF_TESTS_PER_MINUTE, windowMs: 60_000 });
    limiters.set(platform, limiter);
  }
  return limiter;
}
