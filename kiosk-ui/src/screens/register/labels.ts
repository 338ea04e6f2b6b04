/**
 * Staff-facing names of the server's enumerations (the register and manager screens are in
 * English; the kiosk's strings are in src/i18n).
 */

import { translate } from '../../i18n';
import { RENTAL_TYPES, type LaneSessionStatus, type PaymentMethod, type RentalType } from '../../wire';

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
