/**
 * The register's and manager's words, rendered without a DOM (test/helpers/vnode.ts): a scan
 * the server would refuse offers no Create, an open stay is shown without Start, refusals are
 * sentences with the code only in the details line, and internal states have names.
 */

import { h } from 'preact';
import { describe, expect, it } from 'vitest';

import type { ApiError } from '../src/api';
import { cannotCreateFromScan, Found, stayLine } from '../src/screens/register/customer-card';
import { visitOf } from '../src/screens/register/identify-panel';
import { BOARD_STATUS_NAMES } from '../src/screens/register/board-model';
import { IDENTITY_NAMES, LANGUAGE_NAMES, METHOD_NAMES, PAYMENT_STATUS_NAMES, STATUS_NAMES } from '../src/screens/register/labels';
import { kioskColumn, pairedLanes } from '../src/screens/register/mirror';
import { ErrorNote } from '../src/ui/parts';
import type { CustomerSummary, IdentifyResponse, OpenVisit } from '../src/wire';
import { CHOOSING_KIOSK, IDLE_KIOSK } from './fixtures/views';
import { byTestId, textOf } from './helpers/vnode';

const ZONE = 'America/Chicago';
const CUSTOMER: CustomerSummary = { id: 'c1', name: 'Rivera, Marisol', dob: '1990-03-14', membership_number: null, membership_valid_until: null, past_due_cents: 0, notes: '', banned_until: null };
const VISIT: OpenVisit = { visit_id: 'v1', started_at: '2026-11-20T00:10:00Z', checkout_at: '2026-11-20T06:10:00Z', number: '204', kind: 'ROOM', overdue: true };
const noop = () => undefined;
const found = (answer: IdentifyResponse) => h(Found, { found: answer, timeZone: ZONE, busy: false, onStart: noop, onCreate: noop });
const noMatch = (name: string | null): IdentifyResponse => ({ result: 'NO_MATCH', customer: null, identity_method: null, visit: null, scanned: { name, dob: '1990-03-14', expires_on: null, issuing_state: 'TX' } });

describe('a scan that matches nobody', () => {
  it('offers Create when the server would accept the name', () => {
    const tree = found(noMatch('Marisol Rivera'));
    expect(byTestId(tree, 'create-customer')).toHaveLength(1);
    expect(byTestId(tree, 'cannot-create')).toHaveLength(0);
  });

  it('without a name says why and offers no Create', () => {
    const tree = found(noMatch(null));
    expect(byTestId(tree, 'create-customer')).toHaveLength(0);
    expect(textOf(byTestId(tree, 'cannot-create'))).toMatch(/no name.*Scan the ID again, or search by name/);
    expect(cannotCreateFromScan(null)).not.toBeNull();
    expect(cannotCreateFromScan({ name: '  ', dob: null, expires_on: null, issuing_state: null })).not.toBeNull();
  });

  it('with a name over 200 characters says why and offers no Create', () => {
    const tree = found(noMatch('A'.repeat(201)));
    expect(byTestId(tree, 'create-customer')).toHaveLength(0);
    expect(textOf(byTestId(tree, 'cannot-create'))).toContain('longer than 200 characters');
    expect(byTestId(found(noMatch('é'.repeat(200))), 'create-customer')).toHaveLength(1);
  });
});

describe('a customer already checked in', () => {
  const tree = found({ result: 'ALREADY_CHECKED_IN', customer: CUSTOMER, identity_method: 'ID_SCAN', visit: VISIT, scanned: null });

  it('shows the stay: number, since, checkout in the club’s zone, overdue', () => {
    const stay = textOf(byTestId(tree, 'open-stay'));
    expect(stay).toMatch(/^Room 204 · in since (Nov 19, )?6:10\sPM · checkout (Nov 20, )?12:10\sAM · overdue$/);
  });

  it('offers no Start', () => {
    expect(byTestId(tree, 'start-session')).toHaveLength(0);
    expect(textOf(tree)).not.toContain('Use the stay shown below');
  });

  it('reads the stay a refused start names', () => {
    expect(visitOf({ visit_id: 'v9', started_at: '2026-11-20T00:10:00Z' })).toMatchObject({ visit_id: 'v9', number: null });
    expect(visitOf({})).toBeNull();
    expect(stayLine({ ...VISIT, number: null, checkout_at: null }, ZONE)).toMatch(/^in since /);
  });

  it('a customer without a stay gets Start', () => {
    expect(byTestId(found({ result: 'MATCHED', customer: CUSTOMER, identity_method: 'STAFF_CHECKED', visit: null, scanned: null }), 'start-session')).toHaveLength(1);
  });
});

describe('a refusal note', () => {
  const error: ApiError = { status: 409, code: 'UNIT_UNAVAILABLE', message: '999 is not a free STANDARD.', details: {} };
  const tree = h(ErrorNote, { error, params: { number: '999' }, testId: 'swap-error' });

  it('says what happened and what to do, in words', () => {
    const text = textOf(tree);
    expect(text.startsWith('999 is not free for this rental. Type the number of a clean unit')).toBe(true);
  });

  it('keeps the code in the details line only', () => {
    const note = byTestId(tree, 'swap-error')[0];
    expect(note).toBeDefined();
    const [message] = textOf(tree).split('Details:');
    expect(message).not.toContain('UNIT_UNAVAILABLE');
    expect(textOf(tree)).toContain('Details: UNIT_UNAVAILABLE: 999 is not a free STANDARD.');
  });

  it('speaks Spanish when asked', () => {
    expect(textOf(h(ErrorNote, { error, language: 'ES', params: { number: '999' } }))).toMatch(/^999 no está libre para este alquiler\. .* Detalles: UNIT_UNAVAILABLE/);
  });
});

describe('internal words', () => {
  it('have names for staff', () => {
    expect(IDENTITY_NAMES.STAFF_CHECKED).toBe('ID checked by staff');
    expect(PAYMENT_STATUS_NAMES.DUE).toBe('Payment due');
    for (const names of [IDENTITY_NAMES, PAYMENT_STATUS_NAMES, METHOD_NAMES, LANGUAGE_NAMES, STATUS_NAMES, BOARD_STATUS_NAMES]) {
      for (const name of Object.values(names)) expect(name).not.toMatch(/_|^[A-Z]{2,}$/);
    }
  });

  it('the monitor says when a lane has no paired tablet', () => {
    const paired = pairedLanes([
      { id: 'd1', lane_id: 'lane-1', name: 'Tablet', paired_at: '2026-11-20T00:00:00Z', revoked_at: null },
      { id: 'd2', lane_id: 'lane-2', name: 'Old', paired_at: '2026-11-20T00:00:00Z', revoked_at: '2026-11-21T00:00:00Z' },
    ]);
    expect(kioskColumn('lane-1', IDLE_KIOSK, paired)).toBe('Idle (welcome screen)');
    expect(kioskColumn('lane-2', IDLE_KIOSK, paired)).toBe('No tablet paired');
    expect(kioskColumn('lane-2', CHOOSING_KIOSK, null)).toBe('Rental choice');
  });
});
