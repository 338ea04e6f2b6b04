/**
 * The server's stroke checks (src/domain/signature/strokes.rs, check_strokes), ported for tests:
 * what the recorder produces must pass them. Returns null when valid, else the reason.
 */

import type { SignatureStrokes } from '../../src/wire';

const ALLOWED = { top: ['height', 'strokes', 'width'], stroke: ['points'], point: ['t', 'x', 'y'] };

function keysAre(value: object, allowed: string[]): boolean {
  return JSON.stringify(Object.keys(value).sort()) === JSON.stringify(allowed);
}

export function serverCheck(s: SignatureStrokes): string | null {
  if (!keysAre(s, ALLOWED.top)) return 'unknown or missing top-level fields';
  if (!(s.width >= 100 && s.width <= 4000)) return 'canvas width';
  if (!(s.height >= 50 && s.height <= 2000)) return 'canvas height';
  if (s.strokes.length === 0) return 'blank';
  if (s.strokes.length > 500) return 'too many strokes';
  const total = s.strokes.reduce((n, k) => n + k.points.length, 0);
  if (total > 20_000) return 'too many points';
  let lastT = 0;
  let length = 0;
  for (const [k, stroke] of s.strokes.entries()) {
    if (!keysAre(stroke, ALLOWED.stroke)) return `stroke ${k + 1} has unknown fields`;
    if (stroke.points.length === 0) return `stroke ${k + 1} has no points`;
    for (const [i, p] of stroke.points.entries()) {
      if (!keysAre(p, ALLOWED.point)) return `stroke ${k + 1}, point ${i + 1} has unknown fields`;
      if (!(p.x >= 0 && p.x <= s.width && p.y >= 0 && p.y <= s.height)) return `stroke ${k + 1}, point ${i + 1} lies outside the canvas`;
      if (!Number.isFinite(p.t) || p.t < 0) return `stroke ${k + 1}, point ${i + 1} has an invalid time`;
      if (p.t < lastT) return `stroke ${k + 1}, point ${i + 1} is earlier than the point before it`;
      lastT = p.t;
      const prev = stroke.points[i - 1];
      if (prev) length += Math.hypot(p.x - prev.x, p.y - prev.y);
    }
  }
  if (length > 100 * Math.hypot(s.width, s.height)) return 'too long';
  if (!(total >= 10 || length >= 20)) return 'blank';
  return null;
}
