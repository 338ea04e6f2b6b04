/**
 * The range of a report: club-local days `from..=to`. The quick choices (Today, This week,
 * This month) are computed on the club's clock, not the browser's: "today" is the date the
 * club's wall clock shows now. A week starts on Monday (ISO 8601); "this week" and "this
 * month" run from their first day to today, since the days after today have nothing yet.
 * Pure functions: dates are `YYYY-MM-DD` strings, computed in UTC arithmetic on dates only.
 */

import { zonedParts } from '../../i18n';
import type { IsoDate } from '../../wire';
import type { ReportRange } from '../../wire-reports';

/** A quick choice of days. */
export type QuickRange = 'today' | 'week' | 'month';

/** The quick choices, in the order of their buttons. */
export const QUICK_RANGES: readonly QuickRange[] = ['today', 'week', 'month'];

/** The longest range the server accepts, in days (`reports::MAX_DAYS`). */
export const MAX_RANGE_DAYS = 400;

const pad = (n: number, width = 2) => n.toString().padStart(width, '0');

/** `YYYY-MM-DD` of a UTC midnight. */
function isoOf(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Is `text` a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return isoOf(date) === text;
}

/** The date the club's clock shows at `now`. */
export function clubToday(now: Date, timeZone: string): IsoDate {
  const at = zonedParts(now, timeZone);
  return `${pad(at.year, 4)}-${pad(at.month)}-${pad(at.day)}`;
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return isoOf(at);
}

/** Days from `from` to `to`, both counted (0 when `to` is before `from`). */
export function daysIn(range: ReportRange): number {
  const ms = Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`);
  return Number.isNaN(ms) || ms < 0 ? 0 : Math.round(ms / 86_400_000) + 1;
}

/** The days of a quick choice on the club's clock at `now`. */
export function quickRange(kind: QuickRange, now: Date, timeZone: string): ReportRange {
  const today = clubToday(now, timeZone);
  if (kind === 'today') return { from: today, to: today };
  if (kind === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  // getUTCDay: Sunday 0 … Saturday 6; Monday starts the week
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return { from: addDays(today, -((weekday + 6) % 7)), to: today };
}

/** Whether `range` is the quick choice `kind` at `now` (its button is shown pressed; on a
 * Monday "today" and "this week" are the same days, and both are pressed). */
export function isQuick(kind: QuickRange, range: ReportRange, now: Date, timeZone: string): boolean {
  const q = quickRange(kind, now, timeZone);
  return q.from === range.from && q.to === range.to;
}

/** The range in the URL when it is whole and readable, else this week. */
export function rangeOf(filters: Readonly<Record<string, string>>, now: Date, timeZone: string): ReportRange {
  const { from, to } = filters;
  if (from && to && isIsoDate(from) && isIsoDate(to)) return { from, to };
  return quickRange('week', now, timeZone);
}

/** Why the typed range cannot be sent, as a message key; null when it can. The server checks
 * the same and its refusal is shown in words too. */
export function rangeProblem(range: ReportRange): 'rep.range.badDate' | 'rep.range.backwards' | 'rep.range.tooLong' | null {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) return 'rep.range.badDate';
  if (range.to < range.from) return 'rep.range.backwards';
  if (daysIn(range) > MAX_RANGE_DAYS) return 'rep.range.tooLong';
  return null;
}
