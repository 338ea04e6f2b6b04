/**
 * The register's live mirror: which kiosk screen the customer is on, in words for the
 * employee ("Customer is on: Agreement"), and the manager monitor's kiosk column ("No tablet
 * paired" for a lane without one). Pure.
 */

import type { KioskView } from '../../wire';
import { t } from '../../ui/language';
import type { DeviceView } from '../../wire-staff';
import { kioskStep, type KioskStep } from '../kiosk/steps';
import { namesOf } from './labels';

const NAMES = namesOf<KioskStep>(['idle', 'language', 'membership', 'rental', 'payment', 'agreement', 'assigning', 'done'], 'reg.screen.');

/** The kiosk's current screen in words ("Agreement"). */
export function kioskScreenName(kiosk: KioskView): string {
  return NAMES[kioskStep(kiosk)];
}

/** "Customer is on: …" for the kiosk's current view. */
export function mirrorLabel(kiosk: KioskView): string {
  return t('reg.customerIsOn', { screen: kioskScreenName(kiosk) });
}

/** The lanes that have a paired tablet (a device not revoked). Pure. */
export function pairedLanes(devices: readonly DeviceView[]): Set<string> {
  return new Set(devices.filter((d) => d.revoked_at === null).map((d) => d.lane_id));
}

/** The monitor's kiosk column: "No tablet paired" when the lane has none (`paired` unknown: the screen). */
export function kioskColumn(lane: string, kiosk: KioskView, paired: ReadonlySet<string> | null): string {
  return paired !== null && !paired.has(lane) ? t('reg.noTablet') : kioskScreenName(kiosk);
}
