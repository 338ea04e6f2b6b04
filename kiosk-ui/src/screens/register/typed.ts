/**
 * What people type at the register, read the way the screens show it (spec/ux.md: "inputs
 * take what people type, in the form the screens display it"): a date of birth as
 * `03/14/1990`, `3/14/90`, `1990-03-14` or `Mar 14, 1990` (day first in Spanish, as
 * `formatDate` writes it there); a name as `Rivera, Marisol`; a unit number as `Room 104`,
 * `r104` or `104`. Pure.
 */

import { MESSAGES } from '../../i18n';
import type { IsoDate, Language } from '../../wire';

function pad(n: number, width = 2): string {
  return n.toString().padStart(width, '0');
}

/** `YYYY-MM-DD` of a real calendar day, or null (31 February is not one). */
function isoDay(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A two-digit year of a birth: `90` is 1990, `05` is 2005 (not after this year). */
function fullYear(text: string, thisYear: number): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  const century = Math.floor(thisYear / 100) * 100;
  return century + n > thisYear ? century - 100 + n : century + n;
}

/** Month number of a month name or abbreviation in either language (`mar`, `March`, `dic`). */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const extra: Record<string, number> = { sept: 9, set: 9 };
  const hit = extra[w];
  if (hit !== undefined) return hit;
  for (const table of Object.values(MESSAGES)) {
    for (let m = 1; m <= 12; m += 1) {
      const name = table[`date.month.${m}` as keyof typeof table].toLowerCase().replace(/\.$/, '');
      if (name.startsWith(w.slice(0, 3)) && w.startsWith(name.slice(0, 3))) return m;
    }
  }
  return null;
}

/**
 * A typed date of birth as `YYYY-MM-DD`, or null when it cannot be read. Numbers separated by
 * `/`, `-`, `.` or spaces are month/day/year in English and day/month/year in Spanish; a
 * four-digit first number means year-month-day. A month may be written as a word.
 */
export function parseDate(typed: string, language: Language = 'EN', thisYear = new Date().getFullYear()): IsoDate | null {
  const parts = typed.trim().replace(/,/g, ' ').split(/[\s/.-]+/).filter((p) => p !== '');
  if (parts.length !== 3) return null;
  const named = parts.findIndex((p) => /^[a-zñ]+\.?$/i.test(p));
  if (named >= 0) {
    const month = monthOf(parts[named] ?? '');
    const rest = parts.filter((_, i) => i !== named);
    if (month === null || !rest.every((p) => /^\d+$/.test(p))) return null;
    const [a = '', b = ''] = rest;
    // "Mar 14 1990" / "14 mar 1990"; a 4-digit first number is the year ("1990 Mar 14")
    if (a.length === 4) return isoDay(Number(a), month, Number(b));
    return b.length >= 2 && a.length <= 2 ? isoDay(fullYear(b, thisYear), month, Number(a)) : null;
  }
  if (!parts.every((p) => /^\d{1,4}$/.test(p))) return null;
  const [a = '', b = '', c = ''] = parts;
  if (a.length === 4) return isoDay(Number(a), Number(b), Number(c));
  if (c.length !== 4 && c.length !== 2) return null;
  const year = fullYear(c, thisYear);
  return language === 'ES' ? isoDay(year, Number(b), Number(a)) : isoDay(year, Number(a), Number(b));
}

/** A stored date as the field shows it for editing: `03/14/1990` (EN), `14/03/1990` (ES). */
export function dateForInput(date: IsoDate | null, language: Language = 'EN'): string {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return '';
  const [, y, m, d] = match;
  return language === 'ES' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** How the date field asks for it. */
export function datePattern(language: Language = 'EN'): string {
  return language === 'ES' ? 'DD/MM/AAAA' : 'MM/DD/YYYY';
}

/**
 * A typed name as the record keeps it ("First Last"): spaces collapsed, and `Last, First`
 * (one comma) turned round. A name with more commas is kept as typed.
 */
export function parseName(typed: string): string {
  const name = typed.trim().replace(/\s+/g, ' ');
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [last = '', first = ''] = parts.map((p) => p.trim());
  if (last === '' || first === '') return name.replace(/\s*,\s*/g, ' ').trim();
  return `${first} ${last}`;
}

const UNIT_WORDS = /^(room|rm|locker|lkr|habitaci[oó]n|hab|casillero|cas|unit|no|number|n[uú]mero|r|l|#)\.?\s*#?\s*/i;

/**
 * A typed unit number as the board shows it: `Room 104`, `r104`, `#104`, ` 104 ` are `104`.
 * When the held unit's number is zero-padded (`007`), digits typed shorter are padded the same
 * way (`Locker 7` is `007`).
 */
export function parseUnitNumber(typed: string, like: string | null = null): string {
  let number = typed.trim();
  for (let i = 0; i < 2 && UNIT_WORDS.test(number); i += 1) {
    const stripped = number.replace(UNIT_WORDS, '');
    if (stripped === '') break;
    number = stripped.trim();
  }
  if (like !== null && /^0\d+$/.test(like) && /^\d+$/.test(number) && number.length < like.length) {
    number = number.padStart(like.length, '0');
  }
  return number;
}
