/** The hand-entry and correction form's reading of what was typed, and what a correction sends. */

import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { Found } from '../src/screens/register/customer-card';
import { readForm } from '../src/screens/register/customer-form';
import { correctedNote, correctionOf } from '../src/screens/register/identify-panel';
import type { CustomerSummary, IdentifyResponse, OpenVisit } from '../src/wire';
import { byTestId, textOf } from './helpers/vnode';

const typed = (o: Partial<Record<'name' | 'dob' | 'membership_number' | 'reason', string>>) => ({ name: '', dob: '', membership_number: '', reason: '', ...o });

describe('readForm', () => {
  it('reads a name as "Last, First" and a date as the screen shows it', () => {
    expect(readForm(typed({ name: 'Rivera, Marisol', dob: '3/14/1990', membership_number: ' M-1 ' }), 'create', 'EN')).toEqual({
      name: 'Marisol Rivera',
      dob: '1990-03-14',
      membership_number: 'M-1',
      reason: '',
    });
    expect(readForm(typed({ name: 'Marisol Rivera', dob: '14/03/1990' }), 'create', 'ES')).toMatchObject({ dob: '1990-03-14' });
  });

  it('names the field of the first problem', () => {
    expect(readForm(typed({ dob: '3/14/1990' }), 'create', 'EN')).toEqual({ field: 'name', key: 'nameRequired' });
    expect(readForm(typed({ name: 'Ana' }), 'create', 'EN')).toEqual({ field: 'dob', key: 'dobRequired' });
    expect(readForm(typed({ name: 'Ana', dob: '14/03/1990' }), 'create', 'EN')).toEqual({ field: 'dob', key: 'dobUnreadable' });
    expect(readForm(typed({ name: 'Ana', reason: 'x' }), 'correct', 'EN')).toEqual({ field: 'reason', key: 'reasonRequired' });
    // a correction may leave the date empty (nothing to change there)
    expect(readForm(typed({ name: 'Ana', reason: 'typo' }), 'correct', 'EN')).toMatchObject({ dob: null, reason: 'typo' });
  });
});

describe('correctionOf', () => {
  const customer: CustomerSummary = {
    id: 'c1',
    name: 'Marisol Rivera',
    dob: '1990-03-14',
    membership_number: null,
    membership_valid_until: null,
    past_due_cents: 0,
    notes: '',
    banned_until: null,
  };

  it('sends only what changed, with the reason', () => {
    expect(correctionOf(customer, { name: 'Marisol Riviera', dob: '1990-03-14', membership_number: '', reason: 'typo' })).toEqual({ name: 'Marisol Riviera', reason: 'typo' });
    expect(correctionOf(customer, { name: 'Marisol Rivera', dob: '1991-03-14', membership_number: 'M-9', reason: 'typo' })).toEqual({ dob: '1991-03-14', membership_number: 'M-9', reason: 'typo' });
    expect(correctionOf({ ...customer, membership_number: 'M-9' }, { name: 'Marisol Rivera', dob: null, membership_number: '', reason: 'lost' })).toEqual({ membership_number: '', reason: 'lost' });
  });

  it('says what was corrected in words', () => {
    expect(correctedNote(['name', 'dob'], false)).toBe('Corrected: name, date of birth.');
    expect(correctedNote(['dob'], true)).toMatch(/^Corrected: date of birth\. Under 18/);
  });
});

describe('the way to hand entry and correction on the cards', () => {
  const noop = () => undefined;
  const base: CustomerSummary = { id: 'c1', name: 'Marisol Rivera', dob: '1990-03-14', membership_number: null, membership_valid_until: null, past_due_cents: 0, notes: '', banned_until: null };
  const render = (answer: IdentifyResponse, withHandlers = true) =>
    h(Found, { found: answer, timeZone: 'America/Chicago', busy: false, onStart: noop, onCreate: noop, ...(withHandlers ? { onCorrect: noop, onEnterByHand: noop } : {}) });
  const noMatch = (name: string | null): IdentifyResponse => ({ result: 'NO_MATCH', customer: null, identity_method: null, visit: null, scanned: { name, dob: '1990-03-14', expires_on: null, issuing_state: 'TX' } });

  it('a scan that cannot create offers hand entry with the scanned details', () => {
    for (const name of [null, 'X'.repeat(201)]) {
      const tree = render(noMatch(name));
      expect(byTestId(tree, 'create-customer')).toHaveLength(0);
      expect(textOf(byTestId(tree, 'enter-scanned-by-hand'))).toBe('Enter by hand with the scanned details');
    }
    expect(byTestId(render(noMatch('Marisol Rivera')), 'enter-scanned-by-hand')).toHaveLength(0);
  });

  it('a found customer, checked in or not, can be corrected', () => {
    expect(textOf(byTestId(render({ result: 'MATCHED', customer: base, identity_method: 'ID_SCAN', visit: null, scanned: null }), 'correct-details'))).toBe('Correct details');
    const visit: OpenVisit = { visit_id: 'v1', started_at: '2026-11-20T00:10:00Z', checkout_at: null, number: '204', kind: 'ROOM', overdue: false };
    expect(byTestId(render({ result: 'ALREADY_CHECKED_IN', customer: base, identity_method: 'ID_SCAN', visit, scanned: null }), 'correct-details')).toHaveLength(1);
    expect(byTestId(render({ result: 'MATCHED', customer: base, identity_method: 'ID_SCAN', visit: null, scanned: null }, false), 'correct-details')).toHaveLength(0);
  });
});
