/**
 * The register's live mirror: which kiosk screen the customer is on, in words for the
 * employee ("Customer is on: Agreement"). Pure.
 */

import type { KioskView } from '../../wire';
import { kioskStep, type KioskStep } from '../kiosk/steps';

const NAMES: Record<KioskStep, string> = {
  idle: 'Idle (welcome screen)',
  language: 'Language',
  membership: 'Membership',
  rental: 'Rental choice',
  payment: 'Payment',
  agreement: 'Agreement',
  assigning: 'Waiting for a key',
  done: 'Done',
};

/** "Customer is on: …" for the kiosk's current view. */
export function mirrorLabel(kiosk: KioskView): string {
  return `Customer is on: ${NAMES[kioskStep(kiosk)]}`;
}
