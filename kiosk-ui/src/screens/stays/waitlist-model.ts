/**
 * The upgrade waitlist's pure parts: the live countdown of a held offer (the server's
 * `seconds_left` at its `at`, counted down from when the list arrived, so the tablet's own
 * clock offset does not matter), the fee a UPGRADE_FEE_CHANGED refusal carries, the words of
 * a move and of the kiosk's "#N in line" line, and the push counter of `waitlist.changed`.
 */

import { useEffect, useState } from 'preact/hooks';

import { formatTime, type TimeOptions, type Translator } from '../../i18n';
import type { ServerEvent } from '../../wire';
import type { WaitlistOffer, WaitlistPlace } from '../../wire-waitlist';

/** How often a held offer's countdown is redrawn (ms). */
export const HOLD_TICK_MS = 1_000;

/**
 * Seconds left on a hold at `now` (ms): `seconds_left` was true at the server's `at`, which is
 * when the list was received (`receivedAt`, ms, local clock); never below 0.
 */
export function holdSecondsLeft(offer: Pick<WaitlistOffer, 'seconds_left'>, receivedAt: number, now: number): number {
  const elapsed = Math.max(0, Math.floor((now - receivedAt) / 1000));
  return Math.max(0, Math.floor(offer.seconds_left) - elapsed);
}

/** Seconds as `9:05` (or `1:02:03` past an hour). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The fee a 409 UPGRADE_FEE_CHANGED carries (null for any other refusal). */
export function feeOfUpgradeRefusal(error: { code: string; details: Record<string, unknown> }): number | null {
  if (error.code !== 'UPGRADE_FEE_CHANGED') return null;
  const cents = error.details.upgrade_fee_cents;
  return typeof cents === 'number' ? cents : null;
}

/** What the kiosk's done screen says about the customer's place (null: nothing to say). */
export function kioskPlaceText(t: Translator, place: WaitlistPlace | null | undefined, time: TimeOptions): string | null {
  if (!place) return null;
  const tier = t(`rental.${place.desired_tier}`);
  if (place.status === 'OFFERED') return t('upgrade.kioskOffered', { tier });
  if (place.status !== 'ACTIVE' || place.position === null) return null;
  if (place.eta) return t('upgrade.kioskPlace', { position: place.position, tier, time: formatTime(place.eta, time) });
  return t('upgrade.kioskPlaceNoEta', { position: place.position, tier });
}

/** Counts `waitlist.changed` pushes on a connection (a dependency that reloads the list). */
export function useWaitlistPushes(connection: { onEvent(listener: (event: ServerEvent) => void): () => void } | null): number {
  const [pushes, setPushes] = useState(0);
  useEffect(() => {
    if (!connection) return;
    return connection.onEvent((event) => {
      if (event.type === 'waitlist.changed') setPushes((n) => n + 1);
    });
  }, [connection]);
  return pushes;
}
