/**
 * The upgrade waitlist's pure parts (src/screens/stays/waitlist-model.ts): the hold countdown
 * from the server's `seconds_left`, its clock text, the fee of a UPGRADE_FEE_CHANGED refusal,
 * the kiosk's "#N in line" line in both languages, and the `waitlist.changed` frame decoded.
 */

import { describe, expect, it } from 'vitest';

import { createTranslator } from '../src/i18n';
import { clockText, feeOfUpgradeRefusal, holdSecondsLeft, kioskPlaceText } from '../src/screens/stays/waitlist-model';
import { decodeServerMessage } from '../src/ws/messages';

const en = createTranslator('EN');
const es = createTranslator('ES');
const zone = { timeZone: 'America/Chicago', now: new Date('2026-12-03T02:00:00Z') };

describe('the hold countdown', () => {
  const offer = { seconds_left: 600 };
  const received = 1_000_000;

  it('starts at the server’s seconds left, whatever the tablet’s clock says', () => {
    expect(holdSecondsLeft(offer, received, received)).toBe(600);
    expect(holdSecondsLeft(offer, received, received + 999)).toBe(600);
  });

  it('counts down by whole seconds from when the list arrived', () => {
    expect(holdSecondsLeft(offer, received, received + 1_000)).toBe(599);
    expect(holdSecondsLeft(offer, received, received + 62_500)).toBe(538);
  });

  it('stops at zero, and a clock going back does not add time', () => {
    expect(holdSecondsLeft(offer, received, received + 601_000)).toBe(0);
    expect(holdSecondsLeft(offer, received, received + 10_000_000)).toBe(0);
    expect(holdSecondsLeft(offer, received, received - 5_000)).toBe(600);
  });

  it('reads as minutes and seconds', () => {
    expect(clockText(600)).toBe('10:00');
    expect(clockText(538)).toBe('8:58');
    expect(clockText(5)).toBe('0:05');
    expect(clockText(3723)).toBe('1:02:03');
    expect(clockText(-3)).toBe('0:00');
  });
});

describe('a changed fee', () => {
  it('is read from UPGRADE_FEE_CHANGED only', () => {
    expect(feeOfUpgradeRefusal({ code: 'UPGRADE_FEE_CHANGED', details: { upgrade_fee_cents: 2500 } })).toBe(2500);
    expect(feeOfUpgradeRefusal({ code: 'UPGRADE_FEE_CHANGED', details: {} })).toBeNull();
    expect(feeOfUpgradeRefusal({ code: 'OFFER_EXPIRED', details: { upgrade_fee_cents: 2500 } })).toBeNull();
  });
});

describe('the kiosk’s place line', () => {
  const place = { desired_tier: 'DOUBLE' as const, status: 'ACTIVE' as const, position: 2, eta: '2026-12-03T03:40:00Z' };

  it('says the place, the tier and the time in the club’s zone', () => {
    expect(kioskPlaceText(en, place, { ...zone, language: 'EN' })).toBe('You are #2 in line for a Double Room (about 9:40 PM).');
    expect(kioskPlaceText(es, place, { ...zone, language: 'ES' })).toMatch(/^Usted es el n\.º 2 en la fila para una Habitación doble \(hacia las 9:40\sp\.\sm\.\)\.$/u);
  });

  it('says the attendant will be told when the ETA is unknown', () => {
    expect(kioskPlaceText(en, { ...place, eta: null }, zone)).toBe('You are #2 in line for a Double Room: we will tell the attendant when one is free.');
    expect(kioskPlaceText(es, { ...place, eta: null }, zone)).toMatch(/avisaremos al encargado/);
  });

  it('says a held room, and nothing for a closed entry or none', () => {
    expect(kioskPlaceText(en, { ...place, status: 'OFFERED' }, zone)).toMatch(/Double Room is held for you/);
    expect(kioskPlaceText(en, { ...place, status: 'COMPLETED', position: null, eta: null }, zone)).toBeNull();
    expect(kioskPlaceText(en, null, zone)).toBeNull();
    expect(kioskPlaceText(en, undefined, zone)).toBeNull();
  });
});

describe('the waitlist.changed push', () => {
  const frame = (data: unknown, lane: string | null = null) => JSON.stringify({ type: 'waitlist.changed', lane, rev: 0, at: '2026-12-03T02:00:00Z', data });

  it('is decoded club-wide with its ids', () => {
    expect(decodeServerMessage(frame({ entries: 1, changed: ['a'] }))?.type).toBe('waitlist.changed');
  });

  it('is dropped without ids or with a lane', () => {
    expect(decodeServerMessage(frame({ entries: 1 }))).toBeNull();
    expect(decodeServerMessage(frame({ entries: 1, changed: [] }, 'lane-1'))).toBeNull();
  });
});
