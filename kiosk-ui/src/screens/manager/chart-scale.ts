/**
 * The arithmetic of the report charts (pure, tested): a "nice" value axis from 0 with round
 * ticks, where each bar of a bar chart goes, where each point of a line chart goes, and which
 * category labels fit under the axis without overlapping.
 */

/** A value axis from 0 to `top`, ticks every `step`. */
export interface Axis {
  top: number;
  step: number;
  ticks: number[];
}

/** The smallest 1, 2 or 5 × 10^k that is at least `value` (`value` > 0). */
export function niceStep(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const unit = [1, 2, 5, 10].find((m) => m * power >= value * (1 - 1e-9)) ?? 10;
  return unit * power;
}

/** An axis from 0 that holds `max`, with at most `maxTicks` steps; steps are whole numbers
 * (counts, cents). An empty chart (max 0) still gets an axis from 0 to 1. */
export function niceAxis(max: number, maxTicks = 4): Axis {
  const safe = Number.isFinite(max) && max > 0 ? max : 0;
  const step = Math.max(1, niceStep(Math.max(safe, 1) / maxTicks));
  const top = Math.max(step, Math.ceil(safe / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  return { top, step, ticks };
}

/** Pixels from the bottom of a plot `height` high for `value` on `axis` (clamped to the plot). */
export function heightOf(value: number, axis: Axis, height: number): number {
  if (axis.top <= 0 || !Number.isFinite(value)) return 0;
  return Math.min(height, Math.max(0, (value / axis.top) * height));
}

/** A bar's place along the plot: its left edge and width. */
export interface Slot {
  x: number;
  width: number;
}

/** `count` bars across `width` pixels, each in its own equal slot with a gap of `gap` (a share
 * of the slot, 0–1) split on both sides; the middle of slot `i` is `x + width / 2`. */
export function barSlots(count: number, width: number, gap = 0.25): Slot[] {
  if (count <= 0) return [];
  const slot = width / count;
  const bar = slot * (1 - gap);
  return Array.from({ length: count }, (_, i) => ({ x: i * slot + (slot - bar) / 2, width: bar }));
}

/** A line chart's points: one in the middle of each of `values.length` equal slots across
 * `width` (as the bars of a bar chart, so labels line up and the ends are not cut), `y` from
 * the top of a plot `height` high. */
export function linePoints(values: readonly number[], axis: Axis, width: number, height: number): { x: number; y: number }[] {
  const slot = values.length > 0 ? width / values.length : 0;
  return values.map((v, i) => ({ x: (i + 0.5) * slot, y: height - heightOf(v, axis, height) }));
}

/** The SVG path through `points` (`M x y L x y …`), rounded to a tenth of a pixel. */
export function pathOf(points: readonly { x: number; y: number }[]): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join(' ');
}

/** Every how many categories a label is written so that at most `maxLabels` appear (the first
 * is always labelled; 1 = every one). */
export function labelStride(count: number, maxLabels: number): number {
  if (count <= maxLabels || maxLabels <= 0) return 1;
  return Math.ceil(count / maxLabels);
}
