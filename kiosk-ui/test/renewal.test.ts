/**
 * Renewals (issue 14): the words of the options and of a renewal session
 * (src/screens/stays/renewal-model.ts), the register's renewal line and the kiosk's steps of a
 * renewal (src/screens/kiosk/steps.ts).
 */

import { h } from 'preact';
import { describe, expect, it } from 'vitest';

import { createTranslator } from '../src/i18n';
import { kioskStep, stepNumber } from '../src/screens/kiosk/steps';
import { RenewalLine } from '../src/screens/register/session-parts';
import { firstAllowed, isRenewal, optionName, optionRefusal, renewalLine } from '../src/screens/stays/renewal-model';
import type { KioskView, RenewalFacts } from '../src/wire';
import type { RenewalOption } from '../src/wire-stays';
import { CHOOSING_KIOSK } from './fixtures/views';
import { textOf } from './helpers/vnode';

const en = createTranslator('EN');
const es = createTranslator('ES');
const quote = { line_items: [{ kind: 'RENEWAL' as const, description: 'Renewal', amount_cents: 3000 }], total_cents: 3000, messages: [] };
const six: RenewalOption = { hours: 6, block_type: 'RENEWAL', allowed: true, starts_at: '2026-12-02T20:15:00Z', ends_at: '2026-12-03T02:15:00Z', quote };
const two: RenewalOption = {
  hours: 2,
  block_type: 'FINAL2H',
  allowed: false,
  code: 'VISIT_CAP_REACHED',
  message: '12 of 14 hours are bought: 6 more would pass the cap.',
  starts_at: '2026-12-02T20:15:00Z',
  ends_at: '2026-12-02T22:15:00Z',
  quote,
};
const renewal: RenewalFacts = {
  hours: 6,
  block_type: 'RENEWAL',
  starts_at: '2026-12-02T20:15:00Z',
  ends_at: '2026-12-03T02:15:00Z',
  unit: { kind: 'ROOM', number: '215', checkout_at: '2026-12-02T20:15:00Z' },
};

describe('renewal options in words', () => {
  it('names the lengths, the final two hours as such', () => {
    expect(optionName(en, six)).toBe('6 hours');
    expect(optionName(en, two)).toBe('Final 2 hours');
    expect(optionName(es, two)).toBe('Últimas 2 horas');
  });

  it('says why one is not allowed in the screen’s language, the server’s sentence as details', () => {
    expect(optionRefusal(six, 'EN')).toBeNull();
    const why = optionRefusal(two, 'EN');
    expect(why?.message).toBe('This visit has reached its 14 purchased hours.');
    expect(why?.next).toMatch(/Check the stay out/);
    expect(why?.details).toBe('VISIT_CAP_REACHED: 12 of 14 hours are bought: 6 more would pass the cap.');
    expect(optionRefusal(two, 'ES')?.message).toBe('Esta visita ya tiene sus 14 horas compradas.');
  });

  it('an unknown code still reads as words', () => {
    const why = optionRefusal({ ...two, code: null, message: null }, 'EN');
    expect(why?.message).not.toBe('');
    expect(why?.details).toBe('UNKNOWN');
  });

  it('focuses the first allowed one', () => {
    expect(firstAllowed([two, six])).toBe(six);
    expect(firstAllowed([two])).toBeNull();
  });
});

describe('a renewal session', () => {
  const time = (iso: string) => iso.slice(11, 16);

  it('reads as hours, unit, old → new checkout', () => {
    expect(renewalLine(en, renewal, time)).toBe('Renewal: 6 hours on Room 215, checkout 20:15 → 02:15');
    expect(renewalLine(es, { ...renewal, unit: { ...renewal.unit, kind: 'LOCKER', number: '012' } }, time)).toBe(
      'Renovación: 6 horas en Casillero 012, salida 20:15 → 02:15',
    );
  });

  it('the register shows the line in the club’s zone (with the date when not today)', () => {
    const text = textOf(h(RenewalLine, { renewal, timeZone: 'America/Chicago' }));
    expect(text).toMatch(/^Renewal: 6 hours on Room 215, checkout (Dec 2, )?2:15 PM → (Dec 2, )?8:15 PM$/);
  });

  it('is told by the mode', () => {
    expect(isRenewal({ mode: 'RENEWAL' })).toBe(true);
    expect(isRenewal({ mode: 'CHECKIN' })).toBe(false);
    expect(isRenewal({ mode: null })).toBe(false);
  });
});

describe('the kiosk in a renewal', () => {
  const renewing: KioskView = { ...CHOOSING_KIOSK, mode: 'RENEWAL', renewal, status: 'AWAITING_PAYMENT', language: 'EN' };

  it('goes payment → agreement → done, counted as two steps', () => {
    expect(kioskStep(renewing)).toBe('payment');
    expect(kioskStep({ ...renewing, status: 'AWAITING_SIGNATURE', agreement: { id: 'a', version: 1, title: 'T', body_text: 'B', consent_text: 'C' } })).toBe('agreement');
    expect(kioskStep({ ...renewing, status: 'COMPLETED', renewal: null })).toBe('done');
    expect([stepNumber('payment', true), stepNumber('agreement', true), stepNumber('done', true)]).toEqual([1, 2, null]);
  });

  it('asks the language first when the customer never chose one (the agreement is per language)', () => {
    expect(kioskStep({ ...renewing, language: null })).toBe('language');
    expect(kioskStep({ ...renewing, status: 'AWAITING_SIGNATURE', language: null })).toBe('language');
    // a check-in at payment always has one; it is not asked again
    expect(kioskStep({ ...renewing, mode: 'CHECKIN', language: null })).toBe('payment');
  });
});
