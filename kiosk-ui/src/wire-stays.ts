/**
 * Wire types of the stay lifecycle (issues 12, 14): the due board, checkout, a stay's renewals,
 * the housekeeping batch and the `inventory.changed` push, mirroring `src/http/stays.rs`,
 * `src/http/renewals.rs`, `src/http/housekeeping.rs`, `src/stays/*.rs` and
 * `src/lanes/stock.rs`. Types only.
 */

import type { IsoDateTime, Language, PaymentMethod, Quote, RentalType, ResourceType, Uuid } from './wire';
import type { InventoryStatus } from './wire-staff';

/** One open stay of `GET /api/stays` (`stays::open::OpenStay`). */
export interface OpenStay {
  visit_id: Uuid;
  customer_id: Uuid;
  customer_name: string;
  kind: ResourceType;
  number: string;
  rental_type: RentalType;
  checkout_at: IsoDateTime;
  minutes_late: number;
  overdue: boolean;
  due_soon: boolean;
  late_fee_cents: number;
  late_ban: boolean;
  /** the current block (its slip: `/slip/{block_id}`) */
  block_id: Uuid;
}

/** `GET /api/stays`: open stays in due order (overdue first, then soonest). */
export interface DueBoard {
  at: IsoDateTime;
  stays: OpenStay[];
}

/** How a late fee is settled at checkout. */
export type Settlement = 'PAID' | 'PAST_DUE';

/** `POST /api/stays/{visit_id}/checkout` body. */
export interface CheckoutBody {
  late_fee?: Settlement;
  method?: PaymentMethod;
  expected_late_fee_cents?: number;
}

/** The checkout done (`stays::checkout::CheckoutDone`). */
export interface CheckoutDone {
  checkout_id: Uuid;
  visit_id: Uuid;
  kind: ResourceType;
  number: string;
  unit_status: InventoryStatus;
  minutes_late: number;
  late_fee_cents: number;
  fee_settlement: 'NONE' | Settlement;
  payment_intent_id: Uuid | null;
  banned_until: IsoDateTime | null;
  checked_out_at: IsoDateTime;
}

/** Details of a 409 LATE_FEE_DECISION_NEEDED / LATE_FEE_CHANGED. */
export interface LateFeeDetails {
  minutes_late: number;
  late_fee_cents: number;
  late_ban: boolean;
}

/** `POST /api/inventory/status` body. */
export interface StatusBatchBody {
  units: { kind: ResourceType; number: string }[];
  status: InventoryStatus;
  override_reason?: string;
}

/** One unit changed by a batch. */
export interface UnitChanged {
  kind: ResourceType;
  number: string;
  from: InventoryStatus;
  to: InventoryStatus;
  overridden: boolean;
}

/** One unit a batch refused, with its stable code. */
export interface UnitRefused {
  kind: ResourceType;
  number: string;
  status: InventoryStatus | null;
  code: string;
  message: string;
}

/** What a batch did. */
export interface BatchOutcome {
  changed: UnitChanged[];
  refused: UnitRefused[];
}

/** The stock pushed by `inventory.changed` (`lanes::stock::Stock`). */
export interface Stock {
  /** per rental type: how many a new check-in may take now */
  available: Partial<Record<RentalType, number>>;
  rooms: Partial<Record<InventoryStatus, number>>;
  lockers: Partial<Record<InventoryStatus, number>>;
}

/** Paper sizes of the stay slip. */
export type SlipPaper = '80mm' | 'a4';

/** `GET /api/slips/{block_id}`: the stay slip of one check-in block (`stays::slip::Slip`). */
export interface Slip {
  block_id: Uuid;
  club: { name: string };
  kind: ResourceType;
  number: string;
  rental_type: RentalType;
  block_type: 'INITIAL' | 'RENEWAL' | 'FINAL2H';
  starts_at: IsoDateTime;
  checkout_at: IsoDateTime;
  /** IANA zone the slip shows its times in */
  time_zone: string;
  total_paid_cents: number;
  /** null for a block without a signature */
  agreement: { version: number; language: Language } | null;
  record_sha256: string | null;
  /** the QR code of `record_sha256`: one `<svg>` element drawn by the server */
  qr_svg: string | null;
}

/** One renewal length of a stay (`stays::renewal::options::RenewalOption`), judged now. */
export interface RenewalOption {
  /** 6 or 2 */
  hours: number;
  /** RENEWAL or FINAL2H */
  block_type: string;
  /** whether the stay allows it now */
  allowed: boolean;
  /** why not: OUTSIDE_RENEWAL_WINDOW or VISIT_CAP_REACHED */
  code?: string | null;
  /** why not, the server's sentence for staff (English) */
  message?: string | null;
  /** the current checkout */
  starts_at: IsoDateTime;
  /** the new checkout */
  ends_at: IsoDateTime;
  quote: Quote;
}

/** `GET /api/stays/{visit_id}/renewals`: what an open stay allows now, 6 h then 2 h. */
export interface RenewalOptions {
  at: IsoDateTime;
  visit_id: Uuid;
  customer_name: string;
  kind: ResourceType;
  number: string;
  rental_type: RentalType;
  checkout_at: IsoDateTime;
  hours_purchased: number;
  hours_left: number;
  options: RenewalOption[];
}

/** `POST /api/lanes/{lane}/renewals` body. */
export interface StartRenewalBody {
  visit_id: Uuid;
  /** 6 or 2 */
  hours: number;
  expected_rev?: number;
}
