/**
 * Reconnect delays (docs/realtime.md): exponential backoff from 0.5 s, doubling, capped at
 * 30 s, each delay multiplied by a random factor in [0.8, 1.2] (±20 % jitter) so that many
 * tablets do not reconnect in lockstep after a server restart. Pure: the random source is
 * passed in.
 */

/** A source of uniform numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/** The shape of the schedule. */
export interface BackoffPolicy {
  /** first delay, ms */
  initialMs: number;
  /** largest delay before jitter, ms */
  maxMs: number;
  /** growth per attempt */
  factor: number;
  /** relative jitter: 0.2 means ±20 % */
  jitter: number;
}

/** The protocol's policy: 0.5 s doubling to 30 s, ±20 %. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** The delay before reconnect attempt `attempt` (0 for the first retry), without jitter. */
export function baseDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(0, Math.floor(attempt));
  // Stop multiplying once capped, so huge attempt numbers never overflow to Infinity.
  let delay = policy.initialMs;
  for (let i = 0; i < n && delay < policy.maxMs; i += 1) {
    delay *= policy.factor;
  }
  return Math.min(delay, policy.maxMs);
}

/** The delay before reconnect attempt `attempt`, with jitter drawn from `random`. */
export function backoffDelay(attempt: number, random: Random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const r = Math.min(Math.max(random(), 0), 1);
  const factor = 1 + policy.jitter * (2 * r - 1);
  return Math.round(baseDelay(attempt, policy) * factor);
}
