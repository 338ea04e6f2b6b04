/**
 * The register's live mirror: which kiosk screen the customer is on, in words for the
 * employee ("Customer is on: Agreement"), and the manager monitor's kiosk column ("No tablet
 * paired" for a lane without one). Pure.
 */

import type { KioskView } from '../../wire';
import type { DeviceView } from '../../wire-staff';
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

/** The kiosk's current screen in words ("Agreement"). */
export function kioskScreenName(kiosk: KioskView): string {
  return NAMES[kioskStep(kiosk)];
}

/** "Customer is on: …" for the kiosk's current view. */
export function mirrorLabel(kiosk: KioskView): string {
  return `Customer is on: ${kioskScreenName(kiosk)}`;
}

/** The lanes that have a paired tablet (a device not revoked). Pure. */
export function pairedLanes(devices: readonly DeviceView[]): Set<string> {
  return new Set(devices.filter((d) => d.revoked_at === null).map((d) => d.lane_id));
}

/** The monitor's kiosk column: "No tablet paired" when the lane has none (`paired` unknown: the screen). */
export function kioskColumn(lane: string, kiosk: KioskView, paired: ReadonlySet<string> | null): string {
  return paired !== null && !paired.has(lane) ? 'No tablet paired' : kioskScreenName(kiosk);
}
