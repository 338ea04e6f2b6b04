/**
 * The report charts: a bar chart and a line chart drawn as inline SVG (no chart library).
 * Each is an image named by its title for screen readers (the table under it has the figures);
 * every bar and point carries a `<title>` with its label and value, which the browser shows on
 * hover. Values are plain numbers; `format` writes them (counts, minutes, money).
 */

import { barSlots, heightOf, labelStride, linePoints, niceAxis, pathOf, type Axis } from './chart-scale';

/** One category and its value. */
export interface Datum {
  label: string;
  value: number;
}

/** What both charts take. */
export interface ChartProps {
  /** names the chart (its accessible name) */
  title: string;
  data: readonly Datum[];
  /** writes a value (axis ticks and hover titles); default the number as is */
  format?: (value: number) => string;
  /** at most this many category labels under the axis (default 12) */
  maxLabels?: number;
  testId?: string;
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 72, right: 16, top: 12, bottom: 36 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const plain = (v: number) => String(v);

/** The value axis: grid lines and tick labels. */
function ValueAxis({ axis, format }: { axis: Axis; format: (v: number) => string }) {
  return (
    <g class="chart-axis">
      {axis.ticks.map((tick) => {
        const y = PAD.top + PLOT_H - heightOf(tick, axis, PLOT_H);
        return (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} class="chart-grid" />
            <text class="chart-tick" x={PAD.left - 8} y={y + 4}>{format(tick)}</text>
          </g>
        );
      })}
    </g>
  );
}

/** The category labels under the plot, at the given middles. */
function CategoryLabels({ data, middles, maxLabels }: { data: readonly Datum[]; middles: number[]; maxLabels: number }) {
  const stride = labelStride(data.length, maxLabels);
  return (
    <g class="chart-axis">
      {data.map((d, i) =>
        i % stride === 0 ? (
          <text key={`${d.label}-${i}`} x={PAD.left + (middles[i] ?? 0)} y={HEIGHT - PAD.bottom + 20} class="chart-category">{d.label}</text>
        ) : null,
      )}
    </g>
  );
}

/** A bar per category. */
export function BarChart({ title, data, format = plain, maxLabels = 12, testId }: ChartProps) {
  const axis = niceAxis(Math.max(0, ...data.map((d) => d.value)));
  const slots = barSlots(data.length, PLOT_W);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-testid={testId}>
      <ValueAxis axis={axis} format={format} />
      {data.map((d, i) => {
        const h = heightOf(d.value, axis, PLOT_H);
        const slot = slots[i] ?? { x: 0, width: 0 };
        return (
          <rect key={`${d.label}-${i}`} class="chart-bar" x={PAD.left + slot.x} y={PAD.top + PLOT_H - h} width={slot.width} height={h} data-label={d.label} data-value={d.value}>
            <title>{`${d.label}: ${format(d.value)}`}</title>
          </rect>
        );
      })}
      <CategoryLabels data={data} middles={slots.map((s) => s.x + s.width / 2)} maxLabels={maxLabels} />
    </svg>
  );
}

/** A line through the categories' values, with a point on each. */
export function LineChart({ title, data, format = plain, maxLabels = 12, testId }: ChartProps) {
  const axis = niceAxis(Math.max(0, ...data.map((d) => d.value)));
  const points = linePoints(data.map((d) => d.value), axis, PLOT_W, PLOT_H);
  const shifted = points.map((p) => ({ x: PAD.left + p.x, y: PAD.top + p.y }));
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-testid={testId}>
      <ValueAxis axis={axis} format={format} />
      <path class="chart-line" d={pathOf(shifted)} />
      {data.map((d, i) => (
        <circle key={`${d.label}-${i}`} class="chart-point" cx={shifted[i]?.x ?? 0} cy={shifted[i]?.y ?? 0} r={4} data-label={d.label} data-value={d.value}>
          <title>{`${d.label}: ${format(d.value)}`}</title>
        </circle>
      ))}
      <CategoryLabels data={data} middles={points.map((p) => p.x)} maxLabels={maxLabels} />
    </svg>
  );
}
