/**
 * Stroke recording, replayed from a recorded signature: the result is exactly the server's
 * format and passes the server's checks (monotonic times, points on the canvas, limits, ink).
 */

import { describe, expect, it } from 'vitest';
import { backingScale } from '../src/signature/pad';
import { LIMITS, StrokeRecorder, toCanvasPoint } from '../src/signature/recorder';
import type { SignatureStrokes } from '../src/wire';
import { PAD, SIGNATURE, type Sample } from './fixtures/signature';
import { serverCheck } from './helpers/server-strokes';

/** Feeds samples through the recorder the way the pad does. */
function replay(samples: readonly Sample[], recorder = new StrokeRecorder(PAD.width, PAD.height, PAD.openedAt)): StrokeRecorder {
  for (const [kind, clientX, clientY, time] of samples) {
    const { x, y } = toCanvasPoint(clientX, clientY, PAD.rect, PAD.width, PAD.height);
    if (kind === 'down') recorder.begin(x, y, time);
    else if (kind === 'move') recorder.extend(x, y, time);
    else recorder.end();
  }
  return recorder;
}

function allPoints(data: SignatureStrokes) {
  return data.strokes.flatMap((s) => s.points);
}

describe('a recorded signature', () => {
  const data = replay(SIGNATURE).toData();

  it('is accepted by the server checks', () => {
    expect(serverCheck(data)).toBeNull();
  });

  it('has exactly the fields the server accepts', () => {
    expect(Object.keys(data).sort()).toEqual(['height', 'strokes', 'width']);
    for (const stroke of data.strokes) {
      expect(Object.keys(stroke)).toEqual(['points']);
      for (const point of stroke.points) expect(Object.keys(point).sort()).toEqual(['t', 'x', 'y']);
    }
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('keeps the four strokes, the tap included, and drops repeated positions', () => {
    const downs = SIGNATURE.filter((s) => s[0] === 'down').length;
    const moves = SIGNATURE.filter((s) => s[0] === 'move').length;
    expect(data.strokes).toHaveLength(downs);
    expect(data.strokes[3]?.points).toEqual([{ x: 330, y: 40, t: expect.any(Number) }]);
    // the repeated sample of the loop, and two flourish samples clamped to the same corner
    expect(allPoints(data)).toHaveLength(downs + moves - 2);
    const flourish = data.strokes[2]?.points ?? [];
    expect(flourish.at(-1)).toMatchObject({ x: 600, y: 0 });
    expect(flourish.at(-2)).not.toMatchObject({ x: 600, y: 0 });
  });

  it('has whole-millisecond times since the pad opened that never go back', () => {
    const times = allPoints(data).map((p) => p.t);
    expect(times[0]).toBe(Math.round((SIGNATURE[0]?.[3] ?? 0) - PAD.openedAt));
    for (let i = 1; i < times.length; i += 1) {
      expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
      expect(Number.isInteger(times[i])).toBe(true);
    }
  });

  it('clamps the flourish that left the pad to its edges', () => {
    const flourish = data.strokes[2]?.points ?? [];
    expect(Math.max(...flourish.map((p) => p.x))).toBe(PAD.width);
    expect(Math.min(...flourish.map((p) => p.y))).toBe(0);
    for (const p of allPoints(data)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(PAD.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(PAD.height);
    }
  });

  it('has ink', () => {
    const recorder = replay(SIGNATURE);
    expect(recorder.isEmpty()).toBe(false);
    expect(recorder.hasInk()).toBe(true);
  });
});

describe('StrokeRecorder', () => {
  it('holds the time when the clock steps back', () => {
    const r = new StrokeRecorder(600, 200, 1000);
    r.begin(10, 10, 1100);
    r.extend(20, 10, 1090);
    r.extend(30, 10, 1150);
    r.end();
    r.begin(40, 10, 900); // before the pad opened
    expect(r.toData().strokes.flatMap((s) => s.points.map((p) => p.t))).toEqual([100, 100, 150, 150]);
  });

  it('clear() forgets every stroke; later times still count from when the pad opened', () => {
    const r = replay(SIGNATURE);
    r.clear();
    expect(r.isEmpty()).toBe(true);
    expect(r.hasInk()).toBe(false);
    expect(r.toData()).toEqual({ width: 600, height: 200, strokes: [] });
    expect(serverCheck(r.toData())).toBe('blank');
    r.begin(5, 5, PAD.openedAt + 5000);
    expect(r.toData().strokes[0]?.points[0]).toEqual({ x: 5, y: 5, t: 5000 });
  });

  it('applies the server ink rule: 10 points or 20 units of path', () => {
    const tap = new StrokeRecorder(600, 200);
    tap.begin(100, 100, 1);
    tap.end();
    expect(tap.isEmpty()).toBe(false);
    expect(tap.hasInk()).toBe(false);
    expect(serverCheck(tap.toData())).toBe('blank');

    const line = new StrokeRecorder(600, 200);
    line.begin(100, 100, 1);
    line.extend(120, 100, 2);
    expect(line.hasInk()).toBe(true);
    expect(serverCheck(line.toData())).toBeNull();

    const jitter = new StrokeRecorder(600, 200);
    jitter.begin(100, 100, 1);
    for (let i = 1; i < 10; i += 1) jitter.extend(100 + (i % 2) * 0.5, 100, 1 + i);
    expect(jitter.pointCount).toBe(10);
    expect(jitter.hasInk()).toBe(true);
  });

  it('ignores moves without a pen down, and non-finite input', () => {
    const r = new StrokeRecorder(600, 200);
    expect(r.extend(10, 10, 1)).toBeNull();
    expect(r.begin(Number.NaN, 10, 1)).toBeNull();
    r.begin(10, 10, 1);
    expect(r.extend(20, Number.POSITIVE_INFINITY, 2)).toBeNull();
    expect(r.pointCount).toBe(1);
  });

  it('stops at the server limits instead of producing a refused submission', () => {
    const strokes = new StrokeRecorder(600, 200);
    for (let i = 0; i < LIMITS.maxStrokes + 5; i += 1) {
      strokes.begin(i % 600, 100, i);
      strokes.extend((i % 600) + 1, 101, i);
      strokes.end();
    }
    expect(strokes.toData().strokes).toHaveLength(LIMITS.maxStrokes);

    const points = new StrokeRecorder(600, 200);
    points.begin(0, 0, 0);
    for (let i = 1; i < LIMITS.maxPoints + 100; i += 1) points.extend(i % 2 === 0 ? 0.01 : 0.02, (i % 2000) / 10, i);
    expect(points.pointCount).toBe(LIMITS.maxPoints);
    expect(serverCheck(points.toData())).toBeNull();

    const path = new StrokeRecorder(100, 50);
    path.begin(0, 0, 0);
    for (let i = 1; i < 5000; i += 1) path.extend(i % 2 === 0 ? 0 : 100, i % 2 === 0 ? 0 : 50, i);
    expect(path.pathLength).toBeLessThanOrEqual(100 * Math.hypot(100, 50));
    expect(serverCheck(path.toData())).toBeNull();
  });

  it('refuses a canvas the server would refuse', () => {
    expect(() => new StrokeRecorder(99, 200)).toThrow(RangeError);
    expect(() => new StrokeRecorder(600, 2001)).toThrow(RangeError);
    expect(() => new StrokeRecorder(Number.NaN, 200)).toThrow(RangeError);
  });

  it('returns a copy from toData()', () => {
    const r = replay(SIGNATURE);
    const data = r.toData();
    data.strokes.length = 0;
    expect(r.toData().strokes.length).toBeGreaterThan(0);
  });
});

describe('toCanvasPoint and backingScale', () => {
  it('maps client coordinates of a canvas shown at another size to canvas units', () => {
    expect(toCanvasPoint(250, 150, { left: 100, top: 100, width: 300, height: 100 }, 600, 200)).toEqual({ x: 300, y: 100 });
  });

  it('scales the backing store for the screen, within the server PNG limits', () => {
    expect(backingScale(600, 200, 2)).toBe(2);
    expect(backingScale(600, 200, 3)).toBe(3);
    expect(backingScale(1000, 300, 3)).toBe(2.4);
    expect(backingScale(600, 200, Number.NaN)).toBe(1);
  });
});
