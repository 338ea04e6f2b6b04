/**
 * Checking the staff forms before sending, with the same limits as the server
 * (`src/http/staff.rs`), and placing the server's own field refusals on their fields.
 */

import type { ApiError } from '../../api';
import type { MessageKey } from '../../i18n';

/** The fields of the add form. */
export type StaffField = 'display_name' | 'login' | 'pin';

/** A message key per field that is wrong (absent when all are right). */
export type FieldErrors = Partial<Record<StaffField, MessageKey>>;

/** What is wrong with a new employee's fields. */
export function checkNewStaff(form: { display_name: string; login: string; pin: string }): FieldErrors {
  const errors: FieldErrors = {};
  const name = form.display_name.trim();
  if (name.length === 0 || name.length > 100) errors.display_name = 'man.staff.badName';
  const login = form.login.trim();
  if (login.length === 0 || login.length > 50 || /\s/.test(login)) errors.login = 'man.staff.badLogin';
  const pin = checkPin(form.pin);
  if (pin) errors.pin = pin;
  return errors;
}

/** What is wrong with a PIN (six digits), if anything. */
export function checkPin(pin: string): MessageKey | undefined {
  return /^\d{6}$/.test(pin) ? undefined : 'man.staff.badPin';
}

/** The field a server refusal belongs to, with its words (`null` when it is not a field's). */
export function fieldOfRefusal(error: ApiError): [StaffField, MessageKey] | null {
  if (error.code === 'LOGIN_TAKEN') return ['login', 'man.staff.loginTaken'];
  if (error.code !== 'VALIDATION_FAILED') return null;
  const field = error.details.field;
  if (field === 'display_name') return ['display_name', 'man.staff.badName'];
  if (field === 'login') return ['login', 'man.staff.badLogin'];
  if (field === 'pin') return ['pin', 'man.staff.badPin'];
  return null;
}
