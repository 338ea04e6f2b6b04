/**
 * The screens' pure parts: which kiosk step a view asks for, the register's mirror label, the
 * inventory board's counts, the manager's URL routes and the query strings of the staff calls.
 */

import { describe, expect, it } from 'vitest';

import { queryString } from '../src/api-staff';
import { boardStatus, countByTier, watchList } from '../src/screens/register/board-model';
import { mirrorLabel } from '../src/screens/register/mirror';
import { kioskStep, stepNumber } from '../src/screens/kiosk/steps';
import { parseRoute, routeUrl } from '../src/screens/manager/route';
import type { KioskView } from '../src/wire';
import type { BoardUnit } from '../src/wire-staff';
import { CHOOSING_KIOSK, IDLE_KIOSK } from './fixtures/views';

const AGREEMENT = { id: 'a1', version: 2, title: 'Rules', body_text: 'Text', consent_text: 'I agree.' };

describe('kioskStep', () => {
  const cases: [string, KioskView, ReturnType<typeof kioskStep>][] = [
    ['idle', IDLE_KIOSK, 'idle'],
    ['cancelled returns to idle', { ...CHOOSING_KIOSK, status: 'CANCELLED' }, 'idle'],
    ['no language yet', { ...CHOOSING_KIOSK, language: null }, 'language'],
    ['non-member without a choice', { ...CHOOSING_KIOSK, membership: { state: 'NON_MEMBER', valid_until: null, choice: null, options: [] } }, 'membership'],
    ['expired member without a choice', { ...CHOOSING_KIOSK, membership: { state: 'EXPIRED', valid_until: '2026-01-01', choice: null, options: [] } }, 'membership'],
    ['member skips membership', { ...CHOOSING_KIOSK, membership: { state: 'MEMBER', valid_until: '2027-01-01', choice: null, options: [] } }, 'rental'],
    ['choice made', CHOOSING_KIOSK, 'rental'],
    ['payment due', { ...CHOOSING_KIOSK, status: 'AWAITING_PAYMENT' }, 'payment'],
    ['paid, agreement not loaded', { ...CHOOSING_KIOSK, status: 'AWAITING_SIGNATURE' }, 'payment'],
    ['paid, agreement shown', { ...CHOOSING_KIOSK, status: 'AWAITING_SIGNATURE', agreement: AGREEMENT }, 'agreement'],
    ['hold lost', { ...CHOOSING_KIOSK, status: 'AWAITING_ASSIGNMENT' }, 'assigning'],
    ['completed', { ...CHOOSING_KIOSK, status: 'COMPLETED' }, 'done'],
  ];
  it.each(cases)('%s', (_name, view, step) => {
    expect(kioskStep(view)).toBe(step);
  });

  it('numbers the five customer steps only', () => {
    expect(['language', 'membership', 'rental', 'payment', 'agreement'].map((s) => stepNumber(s as never))).toEqual([1, 2, 3, 4, 5]);
    expect([stepNumber('idle'), stepNumber('done'), stepNumber('assigning')]).toEqual([null, null, null]);
  });

  it('gives the register the same step in words', () => {
    expect(mirrorLabel({ ...CHOOSING_KIOSK, status: 'AWAITING_SIGNATURE', agreement: AGREEMENT })).toBe('Customer is on: Agreement');
    expect(mirrorLabel(IDLE_KIOSK)).toBe('Customer is on: Idle (welcome screen)');
  });
});

const unit = (over: Partial<BoardUnit>): BoardUnit => ({
  kind: 'ROOM',
  number: '200',
  tier: 'STANDARD',
  status: 'CLEAN',
  held_by_lane: null,
  customer_name: null,
  checkout_at: null,
  overdue: false,
  due_soon: false,
  ...over,
});

describe('the inventory board', () => {
  it('counts by tier and status, a held clean unit as HELD', () => {
    const units = [
      unit({ number: '200' }),
      unit({ number: '201', held_by_lane: 'lane-1' }),
      unit({ number: '202', status: 'OCCUPIED' }),
      unit({ kind: 'LOCKER', number: '001', tier: 'LOCKER', status: 'DIRTY' }),
    ];
    expect(boardStatus(units[1] as BoardUnit)).toBe('HELD');
    const rows = countByTier(units);
    expect(rows.map((r) => [r.tier, r.total, r.counts.CLEAN, r.counts.HELD, r.counts.OCCUPIED, r.counts.DIRTY])).toEqual([
      ['STANDARD', 3, 1, 1, 1, 0],
      ['LOCKER', 1, 0, 0, 0, 1],
    ]);
  });

  it('lists overdue stays before due-soon ones, each by checkout time', () => {
    const units = [
      unit({ number: '1', due_soon: true, checkout_at: '2026-11-20T19:00:00Z' }),
      unit({ number: '2', overdue: true, checkout_at: '2026-11-20T18:30:00Z' }),
      unit({ number: '3' }),
      unit({ number: '4', overdue: true, checkout_at: '2026-11-20T17:00:00Z' }),
    ];
    expect(watchList(units).map((u) => u.number)).toEqual(['4', '2', '1']);
  });
});

describe('manager routes', () => {
  it('keep the signature filters in the URL, both ways', () => {
    const route = parseRoute('/manager/signatures', '?customer=rivera&from=2026-11-01&junk=1');
    expect(route).toEqual({ page: 'signatures', filters: { customer: 'rivera', from: '2026-11-01' } });
    expect(routeUrl(route)).toBe('/manager/signatures?from=2026-11-01&customer=rivera');
  });

  it('read a detail, the kiosks page and anything else as the monitor', () => {
    expect(parseRoute('/manager/signatures/abc%20d', '')).toEqual({ page: 'signature', id: 'abc d' });
    expect(routeUrl({ page: 'signature', id: 'abc d' })).toBe('/manager/signatures/abc%20d');
    expect(parseRoute('/manager/kiosks/', '')).toEqual({ page: 'kiosks' });
    expect(parseRoute('/manager/nowhere', '')).toEqual({ page: 'lanes' });
    expect(routeUrl({ page: 'lanes' })).toBe('/manager');
  });
});

describe('queryString', () => {
  it('keeps defined, non-empty values only', () => {
    expect(queryString({ q: 'a b', empty: '', none: undefined, limit: 25 })).toBe('?q=a+b&limit=25');
    expect(queryString({})).toBe('');
  });
});
