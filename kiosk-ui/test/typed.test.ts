/** What people type at the register, read the way the screens show it (src/screens/register/typed.ts). */

import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/i18n';
import { dateForInput, parseDate, parseName, parseUnitNumber } from '../src/screens/register/typed';

describe('parseDate', () => {
  it('reads a date of birth typed as the register shows dates (month first in English)', () => {
    for (const typed of ['03/14/1990', '3/14/1990', '1990-03-14', '3-14-1990', '3.14.1990', ' 03 / 14 / 1990 ', 'Mar 14, 1990', 'march 14 1990', '14 Mar 1990', '3/14/90', formatDate('1990-03-14')]) {
      expect(parseDate(typed, 'EN', 2026), typed).toBe('1990-03-14');
    }
  });

  it('reads day first in Spanish, as formatDate writes it there', () => {
    for (const typed of ['14/03/1990', '14/3/1990', '1990-03-14', '14 mar 1990', '14 marzo 1990', formatDate('1990-03-14', 'ES')]) {
      expect(parseDate(typed, 'ES', 2026), typed).toBe('1990-03-14');
    }
    expect(parseDate('4 sept 1985', 'ES', 2026)).toBe('1985-09-04');
  });

  it('takes a two-digit year as not after this year', () => {
    expect(parseDate('1/2/05', 'EN', 2026)).toBe('2005-01-02');
    expect(parseDate('1/2/27', 'EN', 2026)).toBe('1927-01-02');
  });

  it('refuses what is not a day', () => {
    for (const typed of ['', '14/03/1990', '2/30/1990', '13/1/1990', '1990', '03/14', 'yesterday', '3/14/199', 'Foo 14 1990', '3/14/1990/1', '1990-02-29']) {
      expect(parseDate(typed, 'EN', 2026), typed).toBeNull();
    }
    expect(parseDate('2/29/1992', 'EN', 2026)).toBe('1992-02-29');
  });

  it('writes a stored date back the way it is read', () => {
    expect(dateForInput('1990-03-14')).toBe('03/14/1990');
    expect(dateForInput('1990-03-14', 'ES')).toBe('14/03/1990');
    expect(dateForInput(null)).toBe('');
    expect(parseDate(dateForInput('1990-03-04', 'ES'), 'ES')).toBe('1990-03-04');
    expect(parseDate(dateForInput('1990-03-04'), 'EN')).toBe('1990-03-04');
  });
});

describe('parseName', () => {
  it('turns "Last, First" round and tidies spaces', () => {
    expect(parseName('Rivera, Marisol')).toBe('Marisol Rivera');
    expect(parseName('  Rivera ,Marisol  Ana ')).toBe('Marisol Ana Rivera');
    expect(parseName('marisol   rivera')).toBe('marisol rivera');
    expect(parseName('Rivera, Marisol, Jr.')).toBe('Rivera, Marisol, Jr.');
    expect(parseName('Rivera,')).toBe('Rivera');
    expect(parseName('José Ñúñez')).toBe('José Ñúñez');
  });
});

describe('parseUnitNumber', () => {
  it('takes a number as people say it', () => {
    for (const typed of ['104', ' 104 ', 'Room 104', 'room104', 'r104', 'R 104', 'rm. 104', '#104', 'Room #104', 'habitación 104']) {
      expect(parseUnitNumber(typed), typed).toBe('104');
    }
  });

  it('pads a locker number like the held one', () => {
    expect(parseUnitNumber('Locker 7', '012')).toBe('007');
    expect(parseUnitNumber('l7', '012')).toBe('007');
    expect(parseUnitNumber('7', '214')).toBe('7');
    expect(parseUnitNumber('Room', null)).toBe('Room');
    expect(parseUnitNumber('999')).toBe('999');
  });
});
