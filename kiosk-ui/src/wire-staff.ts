/**
 * Wire types of the staff-side calls (sign-in, devices, registers, inventory board,
 * signatures), mirroring `src/http/{auth,devices,registers,lanes,inventory,signatures}.rs` and
 * `src/http/wire.rs`. Types only: nothing here runs.
 */

import type { IsoDateTime, Language, RentalType, ResourceType, Uuid } from './wire';

/** `GET /api/club` (`http::pages::ClubInfo`). */
export interface ClubInfo {
  name: string;
  /** IANA zone, e.g. America/Chicago */
  time_zone: string;
}

/** `StaffRole`. */
export type StaffRole = 'STAFF' | 'MANAGER';

/** `StaffView`. */
export interface StaffView {
  id: Uuid;
  login: string;
  display_name: string;
  role: StaffRole;
  active: boolean;
}

/** `LoginResponse` (the token stays in the HttpOnly cookie). */
export interface LoginAnswer {
  staff: StaffView;
  expires_at: IsoDateTime;
}

/** `MeResponse`. */
export interface MeAnswer {
  staff: StaffView;
  expires_at: IsoDateTime;
  step_up_until: IsoDateTime | null;
}

/** `StepUpResponse`. */
export interface StepUpAnswer {
  step_up_until: IsoDateTime;
}

/** `DeviceView`: a paired kiosk. */
export interface DeviceView {
  id: Uuid;
  lane_id: string;
  name: string;
  paired_at: IsoDateTime;
  revoked_at: IsoDateTime | null;
}

/** `PairingCodeResponse`. */
export interface PairingCode {
  code: string;
  lane_id: string;
  expires_at: IsoDateTime;
}

/** `RegisterView` (an open register of a lane). */
export interface RegisterSummary {
  id: Uuid;
  lane_id: string;
  staff_id: Uuid;
  started_at: IsoDateTime;
}

/** `LaneView` of `GET /api/lanes`. */
export interface LaneSummary {
  id: string;
  name: string;
  active: boolean;
  register: RegisterSummary | null;
}

/** `InventoryStatus`. */
export type InventoryStatus = 'CLEAN' | 'OCCUPIED' | 'DIRTY' | 'CLEANING' | 'OUT_OF_ORDER';

/** One room or locker on the board. */
export interface BoardUnit {
  kind: ResourceType;
  number: string;
  tier: RentalType;
  status: InventoryStatus;
  held_by_lane: string | null;
  customer_name: string | null;
  checkout_at: IsoDateTime | null;
  overdue: boolean;
  due_soon: boolean;
}

/** `GET /api/inventory`. */
export interface InventoryBoard {
  at: IsoDateTime;
  units: BoardUnit[];
}

/** One row of the signature list. */
export interface SignatureRow {
  id: Uuid;
  signed_at: IsoDateTime;
  customer_name: string;
  membership_number: string | null;
  agreement_title: string;
  agreement_version: number;
  language: Language;
  lane_id: string;
  staff_id: Uuid;
  staff_name: string;
  device_id: Uuid | null;
  device_name: string | null;
  /** DRAWN on the pad or TYPED (the customer typed their full name) */
  signature_method: 'DRAWN' | 'TYPED';
  unit: { kind: ResourceType; number: string } | null;
  /** every hash of the record still matches (recomputed by the server for this answer) */
  intact?: boolean;
}

/** `GET /api/signatures`. */
export interface SignaturePage {
  items: SignatureRow[];
  next_cursor: string | null;
}

/** `GET /api/signatures/{id}`. */
export interface SignatureDetail extends SignatureRow {
  agreement_id: Uuid;
  agreement_text: string;
  consent_text: string;
  /** the name as typed (TYPED signatures), else null */
  typed_name: string | null;
  /** `data:image/png;base64,…` */
  signature_png: string;
  hashes: { agreement_text_sha256: string; consent_text_sha256: string; signature_png_sha256: string; record_sha256: string };
  timeline: { agreement_shown_at: IsoDateTime; consent_at: IsoDateTime; signed_at: IsoDateTime };
  attribution: { customer_id: Uuid; dob_verified: boolean; identity_method: string; lane_session_id: Uuid; user_agent: string | null; ip: string | null };
  stay: { checkin_block_id: Uuid; rental_type: RentalType; starts_at: IsoDateTime; ends_at: IsoDateTime } | null;
  payment_intent_id: Uuid | null;
  verification: { intact: boolean; agreement_text: boolean; consent_text: boolean; signature_png: boolean; record: boolean };
}
