/**
 * Money and time as every screen shows them (spec/ux.md, "All screens"): money as `$12.34` from
 * cents; times in the club's time zone (passed in, default America/Chicago), with the date when
 * it is not today and the year when it is not this year. Month names and word order come from
 * the language tables, so the output does not depend on the browser's locale data.
 */

import type { IsoDate, IsoDateTime, Language } from '../wire';
import type { MessageKey } from './en';
import { translate } from './translate';

/** The club's zone unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

/** `$12.34` from 1234; `-$5.00` from -500; `$1,234.56` from 123456. */
export function formatMoney(cents: number): string {
  const whole = Math.round(cents);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}$${dollars}.${rest}`;
}

/** A wall-clock reading in one zone. */
interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const read = (name: string): number => parts[name] ?? 0;
  // Some engines write midnight as 24 even with h23.
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour') % 24, minute: read('minute') };
}

const MONTH_KEYS = [
  'date.month.1',
  'date.month.2',
  'date.month.3',
  'date.month.4',
  'date.month.5',
  'date.month.6',
  'date.month.7',
  'date.month.8',
  'date.month.9',
  'date.month.10',
  'date.month.11',
  'date.month.12',
] as const satisfies readonly MessageKey[];

function monthName(language: Language, month: number): string {
  const key = MONTH_KEYS[month - 1];
  return key ? translate(language, key) : String(month);
}

function dayText(language: Language, year: number, month: number, day: number, withYear: boolean): string {
  const params = { month: monthName(language, month), day, year };
  return translate(language, withYear ? 'date.monthDayYear' : 'date.monthDay', params);
}

function timeText(language: Language, hour: number, minute: number): string {
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const period = translate(language, hour < 12 ? 'date.am' : 'date.pm');
  return translate(language, 'date.time', { hour: hour12, minute: minute.toString().padStart(2, '0'), period });
}

/** How to format a time. */
export interface TimeOptions {
  language?: Language;
  /** IANA zone of the club; default America/Chicago */
  timeZone?: string;
  /** "now", to decide what "today" is; default the current time */
  now?: Date;
}

/**
 * An instant as the club's clock shows it: `6:03 PM` today, `Nov 21, 6:03 PM` on another day of
 * this year, `Jan 2, 2027, 6:03 PM` in another year. An unreadable value gives an empty string.
 */
export function formatTime(instant: IsoDateTime | Date, options: TimeOptions = {}): string {
  const language = options.language ?? 'EN';
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const at = zonedParts(date, timeZone);
  const today = zonedParts(options.now ?? new Date(), timeZone);
  const time = timeText(language, at.hour, at.minute);
  if (at.year === today.year && at.month === today.month && at.day === today.day) return time;
  const day = dayText(language, at.year, at.month, at.day, at.year !== today.year);
  return translate(language, 'date.dateTime', { date: day, time });
}

/** An instant with its full date whatever day it is (for paper): `Nov 21, 2026, 6:03 PM`. */
export function formatDateTime(instant: IsoDateTime | Date, options: Omit<TimeOptions, 'now'> = {}): string {
  const language = options.language ?? 'EN';
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const at = zonedParts(date, options.timeZone ?? DEFAULT_TIME_ZONE);
  const day = dayText(language, at.year, at.month, at.day, true);
  return translate(language, 'date.dateTime', { date: day, time: timeText(language, at.hour, at.minute) });
}

/** A calendar date (`YYYY-MM-DD`, no zone): `Nov 21, 2026`. An unreadable value is returned as is. */
export function formatDate(date: IsoDate, language: Language = 'EN'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  return dayText(language, Number(year), Number(month), Number(day), true);
}
