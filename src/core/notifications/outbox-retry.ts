/**
 * How the outbox retries a message the gateway did not accept: after 1, 5, 15,
 * 60 minutes, then every 6 hours, giving up after 8 attempts (about a day and a
 * half: a reminder older than that is stale, and the in-app notification has
 * told the union already). A transient gateway fault (throttling, a timeout)
 * clears within minutes; the spacing keeps a down gateway from being hammered.
 * This is an operating choice of the platform, not a rule from a document.
 */
export const OUTBOX_RETRY = {
  delaysMinutes: [1, 5, 15, 60, 360, 360, 360],
  maxAttempts: 8,
  /** A claimed message is hidden this long while it is sent (a crashed sender's claim lapses). */
  claimMinutes: 5,
  /** Messages one run delivers at most. */
  batchSize: 50,
} as const;

/** When to try again after `attempts` failed tries, or null to give up. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  if (attempts >= OUTBOX_RETRY.maxAttempts) return null;
  const delays = OUTBOX_RETRY.delaysMinutes;
  const minutes = delays[Math.min(attempts, delays.length) - 1] ?? delays[0];
  return new Date(failedAt.getTime() + minutes * 60_000);
}
