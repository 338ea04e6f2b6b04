/**
 * The stays screens' pure parts (src/screens/stays/stays-model.ts) and the socket's
 * `inventory.changed` decoding (src/ws/messages.ts).
 */

import { describe, expect, it } from 'vitest';

import { countdown, duration, feeOfRefusal, findStays, parseUnit, roomsByStatus, withStock } from '../src/screens/stays/stays-model';
import type { OpenStay } from '../src/wire-stays';
import { decodeServerMessage } from '../src/ws/messages';

const stay = (number: string, kind: 'ROOM' | 'LOCKER' = 'ROOM'): OpenStay => ({
  visit_id: `v-${kind}-${number}`,
  customer_id: 'c',
  customer_name: 'Ana',
  kind,
  number,
  rental_type: kind === 'ROOM' ? 'STANDARD' : 'LOCKER',
  checkout_at: '2026-12-02T12:00:00Z',
  minutes_late: 0,
  overdue: false,
  due_soon: false,
  late_fee_cents: 0,
  late_ban: false,
  block_id: `b-${kind}-${number}`,
});

describe('a typed unit', () => {
  it('reads "Room 214", "214", "locker 12" and refuses other words', () => {
    expect(parseUnit('Room 214')).toEqual({ kind: 'ROOM', number: '214' });
    expect(parseUnit(' 214 ')).toEqual({ kind: null, number: '214' });
    expect(parseUnit('habitación 214')).toEqual({ kind: 'ROOM', number: '214' });
    expect(parseUnit('locker 12')).toEqual({ kind: 'LOCKER', number: '12' });
    expect(parseUnit('#214')).toEqual({ kind: null, number: '214' });
    expect(parseUnit('kitchen 3')).toBeNull();
    expect(parseUnit('')).toBeNull();
  });

  it('finds the stay, a room before a locker, "12" as locker "012"', () => {
    const stays = [stay('012', 'LOCKER'), stay('214'), stay('12')];
    expect(findStays(stays, { kind: null, number: '12' }).map((s) => s.kind)).toEqual(['ROOM', 'LOCKER']);
    expect(findStays(stays, { kind: 'LOCKER', number: '12' }).map((s) => s.number)).toEqual(['012']);
    expect(findStays(stays, { kind: null, number: '999' })).toEqual([]);
  });
});

describe('the countdown', () => {
  it('counts down, then up as late', () => {
    const at = Date.parse('2026-12-02T12:00:00Z');
    expect(countdown(stay('1'), at - 75 * 60_000)).toEqual({ key: 'stay.dueIn', params: { time: '1 h 15 min' } });
    expect(countdown(stay('1'), at + 45 * 60_000 + 30_000)).toEqual({ key: 'stay.lateBy', params: { time: '45 min' } });
    expect(duration(125)).toBe('2 h 05 min');
  });
});

describe('the stock', () => {
  it('overrides the options’ availability, keeping what it does not name', () => {
    const options = [
      { rental_type: 'STANDARD' as const, available: 3 },
      { rental_type: 'SPECIAL' as const, available: 1 },
    ];
    expect(withStock(options, { available: { STANDARD: 0 }, rooms: {}, lockers: {} })).toEqual([
      { rental_type: 'STANDARD', available: 0 },
      { rental_type: 'SPECIAL', available: 1 },
    ]);
    expect(withStock(options, null)).toEqual(options);
  });

  it('arrives as inventory.changed (club-wide) and is dropped when malformed', () => {
    const frame = { type: 'inventory.changed', lane: null, rev: 0, at: 'x', data: { available: { STANDARD: 2 }, rooms: { CLEAN: 2 }, lockers: {} } };
    expect(decodeServerMessage(JSON.stringify(frame))?.type).toBe('inventory.changed');
    expect(decodeServerMessage(JSON.stringify({ ...frame, lane: 'lane-1' }))).toBeNull();
    expect(decodeServerMessage(JSON.stringify({ ...frame, data: {} }))).toBeNull();
  });

  it('groups rooms by status for housekeeping, numbers in order, lockers left out', () => {
    const unit = (number: string, status: 'DIRTY' | 'CLEAN', kind: 'ROOM' | 'LOCKER' = 'ROOM') => ({
      kind,
      number,
      status,
      tier: 'STANDARD' as const,
      held_by_lane: null,
      customer_name: null,
      checkout_at: null,
      overdue: false,
      due_soon: false,
    });
    const groups = roomsByStatus([unit('210', 'DIRTY'), unit('202', 'DIRTY'), unit('001', 'DIRTY', 'LOCKER'), unit('205', 'CLEAN')]);
    expect(groups.get('DIRTY')?.map((u) => u.number)).toEqual(['202', '210']);
    expect(groups.get('CLEAN')?.map((u) => u.number)).toEqual(['205']);
    expect(groups.get('CLEANING')).toEqual([]);
  });
});

describe('a late fee refusal', () => {
  it('carries the new fee for the dialog; other refusals carry none', () => {
    expect(feeOfRefusal({ code: 'LATE_FEE_CHANGED', details: { minutes_late: 31, late_fee_cents: 1500, late_ban: false } })).toEqual({ minutes: 31, cents: 1500, ban: false });
    expect(feeOfRefusal({ code: 'LATE_FEE_DECISION_NEEDED', details: { minutes_late: 95, late_fee_cents: 3500, late_ban: true } })).toEqual({ minutes: 95, cents: 3500, ban: true });
    expect(feeOfRefusal({ code: 'ALREADY_CHECKED_OUT', details: { late_fee_cents: 0 } })).toBeNull();
    expect(feeOfRefusal({ code: 'LATE_FEE_CHANGED', details: {} })).toBeNull();
  });
});
