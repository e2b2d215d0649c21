/**
 * A fixed-window counter per key (e.g. the client address), in memory. Enough
 * for one process; behind several processes put the limit in the gateway.
 */
export type RateLimiter = { hit: (key: string, now: number) => boolean };

export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    /** Counts one hit; false when the key is over its limit in this window. */
    hit(key: string, now: number): boolean {
      const window = windows.get(key);
      if (!window || now - window.startedAt >= options.windowMs) {
        if (windows.size > 10_000) windows.clear();
        windows.set(key, { startedAt: now, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.limit;
    },
  };
}
