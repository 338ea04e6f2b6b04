/**
 * Staff-facing names of the server's enumerations (the register and manager screens are in
 * English; the kiosk's strings are in src/i18n).
 */

import { translate } from '../../i18n';
import { RENTAL_TYPES, type IdentityMethod, type LaneSessionStatus, type Language, type PaymentMethod, type PaymentStatus, type RentalType } from '../../wire';

/** A rental type's name: the kiosk's English string, so both screens say the same. */
export const RENTAL_NAMES = Object.fromEntries(RENTAL_TYPES.map((type) => [type, translate('EN', `rental.${type}`)])) as Record<RentalType, string>;

/** A session status in words. */
export const STATUS_NAMES: Record<LaneSessionStatus, string> = {
  IDLE: 'Idle',
  ACTIVE: 'Choosing',
  AWAITING_CUSTOMER: 'Waiting for the customer',
  AWAITING_ASSIGNMENT: 'Needs a unit assigned',
  AWAITING_PAYMENT: 'Awaiting payment',
  AWAITING_SIGNATURE: 'Awaiting signature',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** Payment methods in the order offered. */
export const METHODS: readonly PaymentMethod[] = ['CARD', 'CASH', 'OTHER'];

/** A payment method in words. */
export const METHOD_NAMES: Record<PaymentMethod, string> = { CARD: 'Card', CASH: 'Cash', OTHER: 'Other' };

/** A payment's state in words (never `DUE`). */
export const PAYMENT_STATUS_NAMES: Record<PaymentStatus, string> = {
  DUE: 'Payment due',
  PAID: 'Paid',
  CANCELLED: 'Payment cancelled',
  REFUNDED: 'Refunded',
};

/** How the customer's identity was established, in words (never `STAFF_CHECKED`). */
export const IDENTITY_NAMES: Record<IdentityMethod, string> = {
  ID_SCAN: 'ID scanned',
  STAFF_CHECKED: 'ID checked by staff',
  MANUAL: 'entered by hand',
};

/** A language's name. */
export const LANGUAGE_NAMES: Record<Language, string> = { EN: 'English', ES: 'Spanish' };
