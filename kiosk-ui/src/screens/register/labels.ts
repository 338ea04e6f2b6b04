/**
 * Staff-facing names of the server's enumerations (the register and manager screens are in
 * English; the kiosk's strings are in src/i18n).
 */

import type { LaneSessionStatus, PaymentMethod, RentalType } from '../../wire';

/** A rental type's name. */
export const RENTAL_NAMES: Record<RentalType, string> = {
  LOCKER: 'Locker',
  GYM_LOCKER: 'Gym locker',
  STANDARD: 'Standard room',
  DOUBLE: 'Double room',
  SPECIAL: 'Special room',
};

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
