/**
 * The upgrade waitlist's wire types (src/http/waitlist.rs, src/stays/upgrades/list.rs,
 * src/lanes/views/place.rs): the register's list of open entries, an acceptance's answer and
 * the place a completed check-in shows on both screens.
 */

import type { IsoDateTime, PaymentMethod, RentalType, ResourceType, Uuid } from './wire';

/** A room tier a customer waits for. */
export type RoomTier = 'STANDARD' | 'DOUBLE' | 'SPECIAL';

/** ACTIVE and OFFERED are open; the others are history. */
export type WaitlistStatus = 'ACTIVE' | 'OFFERED' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';

/** The unit a waiting customer is on now. */
export interface WaitlistCurrent {
  kind: ResourceType;
  number: string;
  rental_type: RentalType;
}

/** A room held for the entry. */
export interface WaitlistOffer {
  number: string;
  expires_at: IsoDateTime;
  /** whole seconds left at the list's `at` */
  seconds_left: number;
}

/** One entry of `GET /api/waitlist`. */
export interface WaitlistEntry {
  id: Uuid;
  visit_id: Uuid;
  customer_id: Uuid;
  customer_name: string;
  desired_tier: RoomTier;
  backup_tier: RentalType;
  status: WaitlistStatus;
  /** 1 = next in line (open entries only) */
  position: number | null;
  /** when a room of the tier is likely free; null when unknown */
  eta: IsoDateTime | null;
  /** null once the stay ended */
  current: WaitlistCurrent | null;
  checkout_at: IsoDateTime | null;
  offer: WaitlistOffer | null;
  /** null: this upgrade is not offered */
  upgrade_fee_cents: number | null;
  version: number;
  created_at: IsoDateTime;
}

/** `GET /api/waitlist`. */
export interface WaitlistList {
  /** when the server read it (offers' `seconds_left` count from here) */
  at: IsoDateTime;
  entries: WaitlistEntry[];
}

/** `POST /api/waitlist/{id}/accept`. */
export interface AcceptAnswer {
  payment_intent_id: Uuid;
  amount_cents: number;
  entry: WaitlistEntry;
}

/** The body of `POST /api/waitlist/{id}/pay`. */
export interface PayUpgradeBody {
  payment_intent_id: Uuid;
  method: PaymentMethod;
}

/** The customer's place once the check-in that queued them is done (both lane views). */
export interface WaitlistPlace {
  desired_tier: RoomTier;
  status: WaitlistStatus;
  position: number | null;
  eta: IsoDateTime | null;
}

/** The `waitlist.changed` push's data (register and monitor sockets). */
export interface WaitlistChanged {
  /** how many entries are open now */
  entries: number;
  /** the ids that changed */
  changed: Uuid[];
}
