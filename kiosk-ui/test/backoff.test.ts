/** The reconnect schedule: 0.5 s doubling to 30 s, ±20 % jitter. */

import { describe, expect, it } from 'vitest';
import { backoffDelay, baseDelay, DEFAULT_BACKOFF } from '../src/ws/backoff';

describe('baseDelay', () => {
  it('starts at 0.5 s and doubles up to 30 s', () => {
    const schedule = Array.from({ length: 10 }, (_, attempt) => baseDelay(attempt));
    expect(schedule).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('stays at the cap for huge attempt numbers and treats negatives as the first', () => {
    expect(baseDelay(10_000)).toBe(30_000);
    expect(baseDelay(-3)).toBe(500);
  });

  it('follows a custom policy', () => {
    expect(baseDelay(3, { initialMs: 100, maxMs: 1000, factor: 3, jitter: 0 })).toBe(1000);
    expect(baseDelay(2, { initialMs: 100, maxMs: 1000, factor: 3, jitter: 0 })).toBe(900);
  });
});

describe('backoffDelay', () => {
  it('spans exactly ±20 % at the extremes of the random source', () => {
    expect(backoffDelay(0, () => 0)).toBe(400);
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(600);
    expect(backoffDelay(20, () => 0)).toBe(24_000);
    expect(backoffDelay(20, () => 1)).toBe(36_000);
  });

  it('stays within the bounds for every attempt and many random values', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const base = baseDelay(attempt);
      const seen = Array.from({ length: 500 }, () => backoffDelay(attempt, random));
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(Math.floor(base * (1 - DEFAULT_BACKOFF.jitter)));
      expect(Math.max(...seen)).toBeLessThanOrEqual(Math.ceil(base * (1 + DEFAULT_BACKOFF.jitter)));
      // the jitter really varies the delay
      expect(new Set(seen).size).toBeGreaterThan(10);
    }
  });

  it('clamps a misbehaving random source', () => {
    expect(backoffDelay(0, () => -5)).toBe(400);
    expect(backoffDelay(0, () => 7)).toBe(600);
  });
});
