/**
 * Staff-facing names of the server's enumerations, in the staff screen's language (read at
 * each use, so a language switch renames them; see src/ui/language.ts).
 */

import type { MessageKey } from '../../i18n';
import { t } from '../../ui/language';
import { RENTAL_TYPES, type IdentityMethod, type LaneSessionStatus, type Language, type PaymentMethod, type PaymentStatus, type RentalType } from '../../wire';

/** A record whose values are the strings `prefix + key`, looked up when read. */
export function namesOf<K extends string>(keys: readonly K[], prefix: string): Readonly<Record<K, string>> {
  const names = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(names, key, { enumerable: true, get: () => t(`${prefix}${key}` as MessageKey) });
  return names;
}

/** A rental type's name: the kiosk's string, so both screens say the same. */
export const RENTAL_NAMES = namesOf<RentalType>(RENTAL_TYPES, 'rental.');

/** A session status in words. */
export const STATUS_NAMES = namesOf<LaneSessionStatus>(
  ['IDLE', 'ACTIVE', 'AWAITING_CUSTOMER', 'AWAITING_ASSIGNMENT', 'AWAITING_PAYMENT', 'AWAITING_SIGNATURE', 'COMPLETED', 'CANCELLED'],
  'reg.status.',
);

/** Payment methods in the order offered. */
export const METHODS: readonly PaymentMethod[] = ['CARD', 'CASH', 'OTHER'];

/** A payment method in words. */
export const METHOD_NAMES = namesOf<PaymentMethod>(METHODS, 'reg.method.');

/** A payment's state in words (never `DUE`). */
export const PAYMENT_STATUS_NAMES = namesOf<PaymentStatus>(['DUE', 'PAID', 'CANCELLED', 'REFUNDED'], 'reg.payment.');

/** How the customer's identity was established, in words (never `STAFF_CHECKED`). */
export const IDENTITY_NAMES = namesOf<IdentityMethod>(['ID_SCAN', 'STAFF_CHECKED', 'MANUAL'], 'reg.identity.');

/** A language's name. */
export const LANGUAGE_NAMES = namesOf<Language>(['EN', 'ES'], 'reg.language.');
