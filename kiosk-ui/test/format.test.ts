/** Money from cents and times in the club's zone. */

import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatTime } from '../src/i18n';

describe('formatMoney', () => {
  it('writes dollars and cents', () => {
    expect(formatMoney(1234)).toBe('$12.34');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(1900)).toBe('$19.00');
    expect(formatMoney(123_456_789)).toBe('$1,234,567.89');
    expect(formatMoney(-500)).toBe('-$5.00');
  });
});

describe('formatTime', () => {
  // 2026-11-20 12:03 in Chicago (UTC-6)
  const now = new Date('2026-11-20T18:03:07.512Z');

  it('shows only the time today, in the club zone', () => {
    expect(formatTime('2026-11-20T18:03:07.512Z', { now })).toBe('12:03 PM');
    expect(formatTime('2026-11-21T05:59:00Z', { now })).toBe('11:59 PM');
    expect(formatTime('2026-11-20T06:00:00Z', { now })).toBe('12:00 AM');
  });

  it('adds the date on another day, and the year in another year', () => {
    expect(formatTime('2026-11-21T06:00:00Z', { now })).toBe('Nov 21, 12:00 AM');
    expect(formatTime('2027-01-02T15:30:00Z', { now })).toBe('Jan 2, 2027, 9:30 AM');
  });

  it('uses the zone passed in', () => {
    expect(formatTime('2026-11-20T18:03:00Z', { now, timeZone: 'America/New_York' })).toBe('1:03 PM');
    // already the 21st in Tokyo, and so is "now"
    expect(formatTime('2026-11-20T18:03:00Z', { now, timeZone: 'Asia/Tokyo' })).toBe('3:03 AM');
  });

  it('follows daylight saving time', () => {
    const july = new Date('2026-07-04T17:00:00Z');
    expect(formatTime('2026-07-04T17:00:00Z', { now: july })).toBe('12:00 PM');
  });

  it('formats in Spanish', () => {
    expect(formatTime('2026-11-20T23:45:00Z', { now, language: 'ES' })).toBe('5:45 p. m.');
    expect(formatTime('2026-11-22T15:00:00Z', { now, language: 'ES' })).toBe('22 nov, 9:00 a. m.');
  });

  it('gives an empty string for an unreadable time', () => {
    expect(formatTime('soon', { now })).toBe('');
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting it by a zone', () => {
    expect(formatDate('2027-05-20')).toBe('May 20, 2027');
    expect(formatDate('2027-05-01', 'ES')).toBe('1 may 2027');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
