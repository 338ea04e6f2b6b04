/**
 * Recording a signature as strokes, in exactly the server's format
 * (src/domain/signature/strokes.rs): `{width, height, strokes: [{points: [{x, y, t}]}]}` with no
 * other fields. Pure: no DOM, so it is tested with recorded fixtures.
 *
 * What the recorder guarantees, so the server accepts what it sends:
 * - every point lies on the canvas (coordinates are clamped to [0, width] × [0, height]);
 * - `t` is whole milliseconds since the pad opened, never negative and never decreasing across
 *   the whole signature (a clock that steps back is held at the last time);
 * - at most 500 strokes, 20 000 points and 100 canvas diagonals of path: input past a limit is
 *   ignored rather than producing a refused submission;
 * - non-finite input is ignored; a repeated position within a stroke is not stored twice.
 * `hasInk()` applies the server's ink rule (10 points, or 20 canvas units of path).
 */

import type { SignatureStrokes, Stroke, StrokePoint } from '../wire';

/** Server limits (src/domain/signature/mod.rs and strokes.rs). */
export const LIMITS = {
  minWidth: 100,
  maxWidth: 4000,
  minHeight: 50,
  maxHeight: 2000,
  maxStrokes: 500,
  maxPoints: 20_000,
  maxPathDiagonals: 100,
  minInkPoints: 10,
  minInkLength: 20,
} as const;

/** Coordinates are kept to this many decimals (smaller JSON, no visible difference). */
const COORD_DECIMALS = 2;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function distance(a: StrokePoint, b: StrokePoint): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** A box on screen, as `getBoundingClientRect()` returns it. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Maps a pointer position (client coordinates) to canvas units, for a canvas of `width` ×
 * `height` units drawn in `rect` on screen.
 */
export function toCanvasPoint(clientX: number, clientY: number, rect: Rect, width: number, height: number): { x: number; y: number } {
  const sx = rect.width > 0 ? width / rect.width : 1;
  const sy = rect.height > 0 ? height / rect.height : 1;
  return { x: (clientX - rect.left) * sx, y: (clientY - rect.top) * sy };
}

/** Records strokes on a `width` × `height` canvas. */
export class StrokeRecorder {
  readonly width: number;
  readonly height: number;
  private readonly startedAt: number;
  private readonly maxPath: number;
  private strokes: Stroke[] = [];
  private current: Stroke | null = null;
  private points = 0;
  private path = 0;
  private lastT = 0;

  /**
   * `startedAt` is the clock reading (ms) when the pad opened; times passed later are read on
   * the same clock (e.g. `performance.now()` or an event's `timeStamp`).
   */
  constructor(width: number, height: number, startedAt = 0) {
    if (!(width >= LIMITS.minWidth && width <= LIMITS.maxWidth)) {
      throw new RangeError(`The canvas width must be between ${LIMITS.minWidth} and ${LIMITS.maxWidth}.`);
    }
    if (!(height >= LIMITS.minHeight && height <= LIMITS.maxHeight)) {
      throw new RangeError(`The canvas height must be between ${LIMITS.minHeight} and ${LIMITS.maxHeight}.`);
    }
    this.width = width;
    this.height = height;
    this.startedAt = startedAt;
    this.maxPath = LIMITS.maxPathDiagonals * Math.hypot(width, height);
  }

  /** Whether a stroke is in progress. */
  get drawing(): boolean {
    return this.current !== null;
  }

  /** Pen down: starts a stroke. Returns the stored point, or null when ignored. */
  begin(x: number, y: number, time: number): StrokePoint | null {
    this.end();
    if (this.strokes.length >= LIMITS.maxStrokes) return null;
    const point = this.point(x, y, time);
    if (!point || this.points >= LIMITS.maxPoints) return null;
    this.current = { points: [point] };
    this.strokes.push(this.current);
    this.points += 1;
    this.lastT = point.t;
    return point;
  }

  /** Pen moved: extends the stroke. Returns the stored point, or null when ignored. */
  extend(x: number, y: number, time: number): StrokePoint | null {
    const stroke = this.current;
    if (!stroke) return null;
    const point = this.point(x, y, time);
    const previous = stroke.points[stroke.points.length - 1];
    if (!point || !previous) return null;
    if (point.x === previous.x && point.y === previous.y) return null;
    const step = distance(previous, point);
    if (this.points >= LIMITS.maxPoints || this.path + step > this.maxPath) return null;
    stroke.points.push(point);
    this.points += 1;
    this.path += step;
    this.lastT = point.t;
    return point;
  }

  /** Pen up: ends the stroke in progress, if any. */
  end(): void {
    this.current = null;
  }

  /** Forgets every stroke. Times keep counting from when the pad opened. */
  clear(): void {
    this.strokes = [];
    this.current = null;
    this.points = 0;
    this.path = 0;
    this.lastT = 0;
  }

  /** No point at all. */
  isEmpty(): boolean {
    return this.points === 0;
  }

  /** Enough ink for the server: 10 points, or 20 canvas units of path. */
  hasInk(): boolean {
    return this.points >= LIMITS.minInkPoints || this.path >= LIMITS.minInkLength;
  }

  /** Points stored so far. */
  get pointCount(): number {
    return this.points;
  }

  /** Total path length so far, in canvas units. */
  get pathLength(): number {
    return this.path;
  }

  /** The strokes in the server's format (a copy; exactly the fields the server accepts). */
  toData(): SignatureStrokes {
    return {
      width: this.width,
      height: this.height,
      strokes: this.strokes.map((stroke) => ({ points: stroke.points.map(({ x, y, t }) => ({ x, y, t })) })),
    };
  }

  /** A clamped, rounded point with a non-decreasing time, or null for non-finite input. */
  private point(x: number, y: number, time: number): StrokePoint | null {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(time)) return null;
    const t = Math.max(this.lastT, Math.round(time - this.startedAt), 0);
    return {
      x: clamp(round(x, COORD_DECIMALS), 0, this.width),
      y: clamp(round(y, COORD_DECIMALS), 0, this.height),
      t,
    };
  }
}
