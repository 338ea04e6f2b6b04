/**
 * Issue 18 on the kiosk: Back until the selection is confirmed (where each step returns to),
 * the stay in words ("6 hours · checkout at …" in the club's zone, with the date when not
 * today) and the membership options with the server's prices.
 */

import { h } from 'preact';
import { describe, expect, it } from 'vitest';

import { createTranslator } from '../src/i18n';
import { MembershipStep, stayText } from '../src/screens/kiosk/choose';
import { PaymentStep } from '../src/screens/kiosk/pay-done';
import { backTarget, kioskStep } from '../src/screens/kiosk/steps';
import type { KioskView } from '../src/wire';
import { CHOOSING_KIOSK } from './fixtures/views';
import { byTestId, textOf } from './helpers/vnode';

const en = createTranslator('EN');
const es = createTranslator('ES');
const NOW = new Date('2026-11-20T18:07:00Z'); // 12:07 PM in Chicago
const clock = { language: 'EN' as const, timeZone: 'America/Chicago', now: NOW };

const MEMBERSHIP_STEP: KioskView = { ...CHOOSING_KIOSK, membership: { ...CHOOSING_KIOSK.membership!, choice: null }, selection: null };
const STAY = {
  rental_type: 'STANDARD' as const,
  locked: false,
  hours: 6,
  checkout_at: '2026-11-21T00:15:00Z',
  quote: { line_items: [], total_cents: 4300, messages: ['No refunds'] },
};

describe('backTarget', () => {
  const cases: [string, KioskView, ReturnType<typeof backTarget>][] = [
    ['nothing before the language', { ...CHOOSING_KIOSK, language: null }, null],
    ['membership → language', MEMBERSHIP_STEP, 'LANGUAGE'],
    ['rental → membership', CHOOSING_KIOSK, 'MEMBERSHIP'],
    ['rental → language for a member', { ...CHOOSING_KIOSK, membership: { state: 'MEMBER', valid_until: '2027-01-01', choice: null, options: [] } }, 'LANGUAGE'],
    ['none once confirmed', { ...CHOOSING_KIOSK, status: 'AWAITING_PAYMENT', selection: { ...CHOOSING_KIOSK.selection!, locked: true } }, null],
    ['none while a balance blocks the customer', { ...CHOOSING_KIOSK, past_due_blocked: true }, null],
    ['none when done', { ...CHOOSING_KIOSK, status: 'COMPLETED' }, null],
  ];
  it.each(cases)('%s', (_name, view, target) => {
    expect(backTarget(view)).toBe(target);
  });

  it('returns to a step kioskStep shows once the server cleared the later choices', () => {
    const afterBack: KioskView = { ...CHOOSING_KIOSK, membership: { ...CHOOSING_KIOSK.membership!, choice: null }, selection: null, stay: null };
    expect(kioskStep(afterBack)).toBe('membership');
    expect(kioskStep({ ...afterBack, language: null })).toBe('language');
  });
});

describe('the stay in words', () => {
  it('says hours and the checkout in the club zone, with the date when not today', () => {
    expect(stayText(en, 6, '2026-11-20T23:30:00Z', clock)).toBe('6 hours · checkout at 5:30 PM');
    expect(stayText(en, 6, '2026-11-21T06:15:00Z', clock)).toBe('6 hours · checkout at Nov 21, 12:15 AM');
    expect(stayText(es, 6, '2026-11-20T23:30:00Z', { ...clock, language: 'ES' })).toMatch(/^6 horas · salida: 5:30/);
  });

  it('shows the stay and its total on the payment step', () => {
    const view: KioskView = { ...CHOOSING_KIOSK, status: 'AWAITING_PAYMENT', stay: { ...STAY, locked: true } };
    expect(textOf(h(PaymentStep, { t: en, view, clock }))).toContain('6 hours · checkout at 6:15 PM');
  });
});

describe('the membership step', () => {
  it('prices each option from the server', () => {
    const tree = h(MembershipStep, { t: en, view: MEMBERSHIP_STEP, language: 'EN', onPick: () => undefined, onBack: () => undefined });
    expect(textOf(byTestId(tree, 'membership-price-ONE_TIME'))).toBe('$13.00');
    expect(textOf(byTestId(tree, 'membership-price-SIX_MONTH'))).toBe('$43.00 · Valid through May 20, 2027');
    expect(byTestId(tree, 'back')).toHaveLength(1);
  });

  it('says "no fee" for a zero daily fee and shows no price the server did not give', () => {
    const youth: KioskView = {
      ...MEMBERSHIP_STEP,
      membership: { ...MEMBERSHIP_STEP.membership!, options: [{ choice: 'ONE_TIME', price_cents: 0, valid_until: null }] },
    };
    const tree = h(MembershipStep, { t: es, view: youth, language: 'ES', onPick: () => undefined });
    expect(textOf(byTestId(tree, 'membership-price-ONE_TIME'))).toBe('Hoy sin cargo para usted');
    expect(byTestId(tree, 'membership-price-SIX_MONTH')).toHaveLength(0);
    expect(byTestId(tree, 'back')).toHaveLength(0);
  });
});
