/** The hand-entry and correction form's reading of what was typed, and what a correction sends. */

import { describe, expect, it } from 'vitest';
import { readForm } from '../src/screens/register/customer-form';
import { correctedNote, correctionOf } from '../src/screens/register/identify-panel';
import type { CustomerSummary } from '../src/wire';

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
