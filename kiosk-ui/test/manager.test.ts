/**
 * The manager's tablets, registers, staff and audit tabs: the audit filters in the URL, actions
 * typed as people type them, the staff form's field checks and the server refusals placed on
 * their fields.
 */

import { describe, expect, it } from 'vitest';

import { actionWords, normalizeAction } from '../src/screens/manager/audit';
import { parseRoute, routeUrl } from '../src/screens/manager/route';
import { checkNewStaff, fieldOfRefusal } from '../src/screens/manager/staff-form';

describe('the audit route', () => {
  it('keeps the filters in the URL and reads them back', () => {
    const route = { page: 'audit' as const, filters: { action: 'STAFF_CREATED', lane: 'lane-1', from: '2026-11-20', colour: 'red' } };
    const url = routeUrl(route);
    expect(url).toBe('/manager/audit?action=STAFF_CREATED&lane=lane-1&from=2026-11-20');
    const [path, search] = url.split('?');
    expect(parseRoute(path ?? '', `?${search}`)).toEqual({ page: 'audit', filters: { action: 'STAFF_CREATED', lane: 'lane-1', from: '2026-11-20' } });
    expect(parseRoute('/manager/audit', '')).toEqual({ page: 'audit', filters: {} });
    expect(parseRoute('/manager/staff', '')).toEqual({ page: 'staff' });
  });
});

describe('actions', () => {
  it('take what a person types and read as words', () => {
    expect(normalizeAction(' staff created ')).toBe('STAFF_CREATED');
    expect(normalizeAction('Register-force sign out')).toBe('REGISTER_FORCE_SIGN_OUT');
    expect(normalizeAction('')).toBe('');
    expect(actionWords('REGISTER_FORCE_SIGN_OUT')).toBe('Register force sign out');
  });
});

describe('the add-staff form', () => {
  it('checks each field as the server does', () => {
    expect(checkNewStaff({ display_name: 'Pat', login: 'pat', pin: '123456' })).toEqual({});
    expect(checkNewStaff({ display_name: ' ', login: 'p t', pin: '12345' })).toEqual({
      display_name: 'man.staff.badName',
      login: 'man.staff.badLogin',
      pin: 'man.staff.badPin',
    });
    expect(checkNewStaff({ display_name: 'x'.repeat(101), login: 'pat', pin: '123456' }).display_name).toBe('man.staff.badName');
  });

  it('puts the server refusals on their fields', () => {
    const error = (code: string, details: Record<string, unknown> = {}) => ({ status: 400, code, message: '', details });
    expect(fieldOfRefusal(error('LOGIN_TAKEN'))).toEqual(['login', 'man.staff.loginTaken']);
    expect(fieldOfRefusal(error('VALIDATION_FAILED', { field: 'display_name' }))).toEqual(['display_name', 'man.staff.badName']);
    expect(fieldOfRefusal(error('STEP_UP_REQUIRED'))).toBeNull();
  });
});
