/**
 * The reports screen's pure parts: the chart arithmetic (a round axis from 0, bars in their
 * slots, line points, label spacing), the quick ranges on the club's clock (not the browser's),
 * the range checks the server would make, and the range kept in the URL.
 */

import { describe, expect, it } from 'vitest';

import { reportCsvUrl } from '../src/api-reports';
import { barSlots, heightOf, labelStride, linePoints, niceAxis, niceStep, pathOf } from '../src/screens/manager/chart-scale';
import { addDays, clubToday, daysIn, isIsoDate, isQuick, quickRange, rangeOf, rangeProblem } from '../src/screens/manager/report-range';
import { parseRoute, routeUrl } from '../src/screens/manager/route';

describe('the value axis', () => {
  it('rounds up to 1, 2 or 5 × 10^k', () => {
    expect([0.3, 1, 1.2, 2, 3, 7, 12, 49, 51, 180, 2400].map(niceStep)).toEqual([0.5, 1, 2, 2, 5, 10, 20, 50, 100, 200, 5000]);
  });

  it('starts at 0, holds the largest value and ticks in whole steps', () => {
    expect(niceAxis(7)).toEqual({ top: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceAxis(3)).toEqual({ top: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(niceAxis(10)).toEqual({ top: 10, step: 5, ticks: [0, 5, 10] });
    expect(niceAxis(13_500)).toEqual({ top: 15_000, step: 5_000, ticks: [0, 5_000, 10_000, 15_000] });
    // nothing to draw: still an axis, never a division by zero
    expect(niceAxis(0)).toEqual({ top: 1, step: 1, ticks: [0, 1] });
    expect(niceAxis(Number.NaN).top).toBe(1);
  });

  it('gives bar heights in proportion, clamped to the plot', () => {
    const axis = niceAxis(7);
    expect(heightOf(4, axis, 200)).toBe(100);
    expect(heightOf(0, axis, 200)).toBe(0);
    expect(heightOf(99, axis, 200)).toBe(200);
    expect(heightOf(-3, axis, 200)).toBe(0);
  });
});

describe('bars and points', () => {
  it('put each bar in its own slot, centred', () => {
    expect(barSlots(4, 400, 0.5)).toEqual([
      { x: 25, width: 50 },
      { x: 125, width: 50 },
      { x: 225, width: 50 },
      { x: 325, width: 50 },
    ]);
    expect(barSlots(0, 400)).toEqual([]);
  });

  it('put line points in the middle of their slots, as bars', () => {
    const axis = niceAxis(10);
    expect(linePoints([0, 5, 10], axis, 120, 50)).toEqual([
      { x: 20, y: 50 },
      { x: 60, y: 25 },
      { x: 100, y: 0 },
    ]);
    expect(linePoints([5], axis, 100, 50)).toEqual([{ x: 50, y: 25 }]);
    expect(pathOf([{ x: 0, y: 50 }, { x: 33.333, y: 25.04 }])).toBe('M0 50 L33.3 25');
  });

  it('label only as many categories as fit', () => {
    expect(labelStride(7, 12)).toBe(1);
    expect(labelStride(24, 12)).toBe(2);
    expect(labelStride(31, 12)).toBe(3);
  });
});

describe('report ranges', () => {
  // 2026-12-08 03:30 UTC is still Monday Dec 7 in Chicago
  const late = new Date('2026-12-08T03:30:00Z');

  it('read today on the club’s clock', () => {
    expect(clubToday(late, 'America/Chicago')).toBe('2026-12-07');
    expect(clubToday(late, 'Europe/Madrid')).toBe('2026-12-08');
  });

  it('give Today, This week (from Monday) and This month up to today', () => {
    expect(quickRange('today', late, 'America/Chicago')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(quickRange('week', late, 'America/Chicago')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(quickRange('week', new Date('2026-12-13T18:00:00Z'), 'America/Chicago')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(quickRange('month', late, 'America/Chicago')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(quickRange('week', new Date('2027-01-02T18:00:00Z'), 'America/Chicago')).toEqual({ from: '2026-12-28', to: '2027-01-02' });
  });

  it('know which quick range is shown', () => {
    expect(isQuick('month', { from: '2026-12-01', to: '2026-12-07' }, late, 'America/Chicago')).toBe(true);
    expect(isQuick('month', { from: '2026-12-02', to: '2026-12-07' }, late, 'America/Chicago')).toBe(false);
    // on a Monday today is this week
    expect(['today', 'week', 'month'].map((k) => isQuick(k as 'today', { from: '2026-12-07', to: '2026-12-07' }, late, 'America/Chicago'))).toEqual([true, true, false]);
  });

  it('count days and check them as the server does', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysIn({ from: '2026-12-01', to: '2026-12-07' })).toBe(7);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-12-8')).toBe(false);
    expect(rangeProblem({ from: '2026-12-01', to: '2026-12-07' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-12-07' })).toBe('rep.range.badDate');
    expect(rangeProblem({ from: '2026-12-08', to: '2026-12-07' })).toBe('rep.range.backwards');
    expect(rangeProblem({ from: '2026-01-01', to: '2027-02-04' })).toBeNull();
    expect(rangeProblem({ from: '2026-01-01', to: '2027-02-05' })).toBe('rep.range.tooLong');
  });

  it('come from the URL, or default to this week', () => {
    expect(rangeOf({ from: '2026-11-01', to: '2026-11-30' }, late, 'America/Chicago')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(rangeOf({ from: 'yesterday' }, late, 'America/Chicago')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('stay in the URL, and the CSV asks for the same days', () => {
    const route = { page: 'reports' as const, filters: { from: '2026-12-01', to: '2026-12-07', other: 'x' } };
    expect(routeUrl(route)).toBe('/manager/reports?from=2026-12-01&to=2026-12-07');
    expect(parseRoute('/manager/reports', '?from=2026-12-01&to=2026-12-07')).toEqual({ page: 'reports', filters: { from: '2026-12-01', to: '2026-12-07' } });
    expect(reportCsvUrl('revenue', { from: '2026-12-01', to: '2026-12-07' })).toBe('/api/reports/revenue?from=2026-12-01&to=2026-12-07&format=csv');
  });
});
