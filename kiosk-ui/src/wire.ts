/**
 * Wire types: the JSON the server sends and accepts, mirroring the Rust types field for field.
 *
 * Sources (keep in step when they change):
 * - envelope: `src/lanes/views/mod.rs` (`Envelope`), docs/realtime.md
 * - kiosk view: `src/lanes/views/kiosk.rs` (`KioskView`, `KioskMembership`, `KioskSelection`,
 *   `KioskAgreement`, `KioskAssignment`)
 * - register view: `src/lanes/views/register.rs` (`RegisterView`, `RegisterSessionView`,
 *   `CustomerSummary`)
 * - facts: `src/lanes/views/facts.rs` (`RentalOption`, `PaymentFacts`, `UnitFacts`)
 * - quote: `src/domain/pricing/lines.rs` (`Quote`, `LineItem`, `LineKind`)
 * - enums: `src/domain/enums.rs`; membership state: `src/checkin/gates.rs`
 * - signature strokes: `src/domain/signature/strokes.rs` (deny_unknown_fields)
 * - HTTP error body: `src/error.rs`, `src/http/wire.rs` (`ErrorBody`)
 *
 * Types only: nothing here runs.
 */

import type { Stock } from './wire-stays';
import type { WaitlistChanged, WaitlistPlace } from './wire-waitlist';

/** A UUID as text. */
export type Uuid = string;
/** A UTC instant in RFC 3339, e.g. `2026-11-20T18:03:07.512Z`. */
export type IsoDateTime = string;
/** A calendar date without a zone, `YYYY-MM-DD`. */
export type IsoDate = string;

// ---- enumerations (src/domain/enums.rs) ----

/** `LaneSessionStatus`; `IDLE` when nothing is on screen. */
export type LaneSessionStatus =
  | 'IDLE'
  | 'ACTIVE'
  | 'AWAITING_CUSTOMER'
  | 'AWAITING_ASSIGNMENT'
  | 'AWAITING_PAYMENT'
  | 'AWAITING_SIGNATURE'
  | 'COMPLETED'
  | 'CANCELLED';

/** `RentalType`. */
export type RentalType = 'LOCKER' | 'GYM_LOCKER' | 'STANDARD' | 'DOUBLE' | 'SPECIAL';

/** Every rental type, in the server's declaration order. */
export const RENTAL_TYPES: readonly RentalType[] = ['LOCKER', 'GYM_LOCKER', 'STANDARD', 'DOUBLE', 'SPECIAL'];

/** `Language`. */
export type Language = 'EN' | 'ES';

/** `PaymentStatus`. */
export type PaymentStatus = 'DUE' | 'PAID' | 'CANCELLED' | 'REFUNDED';

/** `PaymentMethod`. */
export type PaymentMethod = 'CASH' | 'CARD' | 'OTHER';

/** `ResourceType`: what a unit is. */
export type ResourceType = 'ROOM' | 'LOCKER';

/** `IdentityMethod`. */
export type IdentityMethod = 'ID_SCAN' | 'STAFF_CHECKED' | 'MANUAL';

/** `checkin::gates::MembershipState` (SCREAMING_SNAKE_CASE). */
export type MembershipState = 'MEMBER' | 'EXPIRED' | 'NON_MEMBER';

/** The membership choice of a non-member. */
export type MembershipChoice = 'ONE_TIME' | 'SIX_MONTH';

/** Who proposed or confirmed (`checkin::gates::Side`). */
export type Side = 'CUSTOMER' | 'EMPLOYEE';

/** `LineKind` of a quote line. */
export type LineKind = 'RENTAL' | 'MEMBERSHIP_FEE' | 'SIX_MONTH_MEMBERSHIP' | 'ADDON' | 'RENEWAL';

// ---- shared facts (src/lanes/views/facts.rs, src/domain/pricing/lines.rs) ----

/** A rental the customer may pick, priced for them now. */
export interface RentalOption {
  rental_type: RentalType;
  /** rental price now (the membership fee is on the quote) */
  price_cents: number;
  /** how many a new check-in may take now (0 = sold out → waitlist) */
  available: number;
  /** hours it buys */
  hours: number;
  /** the checkout if the check-in completed at the view's time (server's rule) */
  checkout_at: IsoDateTime;
}

/** One line of a quote. */
export interface LineItem {
  kind: LineKind;
  /** text from the server */
  description: string;
  /** cents, negative for a credit */
  amount_cents: number;
}

/** A priced quote. */
export interface Quote {
  line_items: LineItem[];
  total_cents: number;
  /** e.g. "No refunds" */
  messages: string[];
}

/** The payment intent as staff see it (register only). */
export interface PaymentFacts {
  status: PaymentStatus;
  amount_cents: number;
  method: PaymentMethod | null;
  /** staff only: never on the kiosk */
  last_decline_reason: string | null;
}

/** A room or locker, held or assigned. */
export interface UnitFacts {
  kind: ResourceType;
  number: string;
  checkout_at: IsoDateTime | null;
  /** the check-in block of an assigned unit (its slip: `/slip/{block_id}`); absent when held */
  block_id?: Uuid;
}

// ---- kiosk view (src/lanes/views/kiosk.rs) ----

/** Membership as the customer sees it. */
export interface KioskMembership {
  state: MembershipState;
  /** valid through (members only) */
  valid_until: IsoDate | null;
  choice: MembershipChoice | null;
  /** what a non-member may choose, priced for them today (empty for a member) */
  options: MembershipOption[];
}

/** A membership choice priced for this customer today (`src/lanes/views/offers.rs`). */
export interface MembershipOption {
  choice: MembershipChoice;
  price_cents: number;
  /** SIX_MONTH: the last valid day if bought today */
  valid_until: IsoDate | null;
}

/** The proposed or locked stay before completion (`KioskStay`, `src/lanes/views/offers.rs`). */
export interface KioskStay {
  rental_type: RentalType;
  locked: boolean;
  hours: number;
  /** the checkout if the check-in completed at the view's time */
  checkout_at: IsoDateTime;
  /** the locked quote, or what locking now would price */
  quote: Quote;
}

/** Where Back returns to (`checkin::back::BackTo`); that choice and later ones are cleared. */
export type BackTo = 'LANGUAGE' | 'MEMBERSHIP' | 'RENTAL';

/** The selection as the customer sees it. */
export interface KioskSelection {
  rental_type: RentalType | null;
  proposed_by: Side | null;
  locked: boolean;
  waitlist_desired_type: RentalType | null;
}

/** The agreement to read and sign. */
export interface KioskAgreement {
  /** send back when signing */
  id: Uuid;
  version: number;
  title: string;
  body_text: string;
  /** the sentence beside the checkbox */
  consent_text: string;
}

/** The block a live RENEWAL session will add (`RenewalFacts`, src/lanes/views/facts.rs): the
 * same room or locker, from the current checkout (`starts_at`) to the new one (`ends_at`). */
export interface RenewalFacts {
  /** 6 or 2 */
  hours: number;
  /** RENEWAL or FINAL2H */
  block_type: string;
  starts_at: IsoDateTime;
  ends_at: IsoDateTime;
  /** the unit; its `checkout_at` is the current checkout */
  unit: UnitFacts;
}

/** The key to hand over. */
export interface KioskAssignment {
  kind: ResourceType;
  number: string;
  checkout_at: IsoDateTime | null;
}

/** What the customer's tablet shows. These are the only keys (a server test asserts it). */
export interface KioskView {
  club_name: string;
  status: LaneSessionStatus;
  session_id: Uuid | null;
  /** CHECKIN or RENEWAL (null when idle) */
  mode: string | null;
  /** what a renewal adds (live renewal sessions only) */
  renewal: RenewalFacts | null;
  /** the customer's upgrade waitlist place, once the check-in that queued them is done */
  waitlist?: WaitlistPlace | null;
  first_name: string | null;
  language: Language | null;
  membership: KioskMembership | null;
  past_due_blocked: boolean;
  options: RentalOption[];
  selection: KioskSelection | null;
  quote: Quote | null;
  /** before completion: hours, checkout (if completed now) and price of the proposal or lock */
  stay: KioskStay | null;
  /** never a decline reason */
  payment_status: PaymentStatus | null;
  agreement: KioskAgreement | null;
  assignment: KioskAssignment | null;
}

// ---- register view (src/lanes/views/register.rs) ----

/** The customer as the employee sees them. */
export interface CustomerSummary {
  id: Uuid;
  name: string;
  dob: IsoDate | null;
  membership_number: string | null;
  membership_valid_until: IsoDate | null;
  past_due_cents: number;
  notes: string;
  banned_until: IsoDateTime | null;
}

/** The answer to a correction (`src/http/customer_correct.rs`, `Corrected`). */
export interface CustomerCorrected {
  customer: CustomerSummary;
  /** `name`, `dob`, `membership_number` */
  changed: string[];
  /** the corrected date of birth makes them under 18: a check-in will be refused */
  underage: boolean;
}

/** A returning customer's last signature against today's agreement (`src/lanes/views/last_signed.rs`). */
export interface LastSigned {
  /** the version they last signed, in `language` */
  version: number;
  language: Language;
  signed_at: IsoDateTime;
  /** the active version of the language they read today (null when none is active) */
  current_version: number | null;
  current_language: Language;
  /** a newer version of the language they signed in is active now */
  older: boolean;
}

/** The session as the employee sees it. */
export interface RegisterSessionView {
  id: Uuid;
  status: LaneSessionStatus;
  version: number;
  /** CHECKIN or RENEWAL */
  mode: string;
  /** a renewal's stay and the block it adds (live renewal sessions only) */
  renewal: RenewalFacts | null;
  /** the upgrade waitlist place the check-in took (once done) */
  waitlist?: WaitlistPlace | null;
  language: Language | null;
  customer: CustomerSummary | null;
  /** the customer's last signature (null for a first visit and once the session is over) */
  last_signed?: LastSigned | null;
  identity_method: IdentityMethod | null;
  started_by: Uuid | null;
  started_at: IsoDateTime;
  last_activity_at: IsoDateTime;
  membership_choice: MembershipChoice | null;
  past_due_blocked: boolean;
  proposed_rental_type: RentalType | null;
  proposed_by: Side | null;
  selection_confirmed: boolean;
  selection_confirmed_by: Side | null;
  desired_rental_type: RentalType | null;
  waitlist_desired_type: RentalType | null;
  backup_rental_type: RentalType | null;
  held: UnitFacts | null;
  quote: Quote | null;
  payment_intent_id: Uuid | null;
  payment: PaymentFacts | null;
  agreement_signature_id: Uuid | null;
  assigned: UnitFacts | null;
  cancel_reason: string | null;
  completed_at: IsoDateTime | null;
  kiosk_acknowledged_at: IsoDateTime | null;
}

/** What the register (and the manager monitor) shows. */
export interface RegisterView {
  lane_name: string;
  status: LaneSessionStatus;
  session: RegisterSessionView | null;
  options: RentalOption[];
  /** the live mirror: exactly what the kiosk shows */
  kiosk: KioskView;
}

/** Either screen's view of a lane. */
export type LaneView = KioskView | RegisterView;

// ---- socket messages (docs/realtime.md) ----

/** Every server message: `{type, lane, rev, at, data}`. */
export interface Envelope<T, K extends string = string> {
  type: K;
  /** lane id, or null for club-wide messages */
  lane: string | null;
  /** the lane's revision (0 on pong and error frames) */
  rev: number;
  /** when the server sent it (UTC) */
  at: IsoDateTime;
  data: T;
}

/** A complete view of one lane at revision `rev`. */
export interface LaneViewMessage<V extends LaneView> extends Envelope<V, 'lane.view'> {
  lane: string;
}

/** The kiosk's `lane.view`. */
export type KioskLaneViewMessage = LaneViewMessage<KioskView>;
/** The register's (and monitor's) `lane.view`. */
export type RegisterLaneViewMessage = LaneViewMessage<RegisterView>;

/** The employee points at an option on the customer's screen (kiosk only; no state). */
export interface LaneHighlightEvent extends Envelope<{ option: string }, 'lane.highlight'> {
  lane: string;
}

/** A manager ended the lane's register session (register and monitor sockets). */
export interface RegisterEndedEvent extends Envelope<{ staff_id: Uuid; register_session_id: Uuid }, 'register.ended'> {
  lane: string;
}

/** The answer to `{"type":"ping"}`. */
export type PongEvent = Envelope<Record<string, never>, 'pong'>;

/** Codes of socket error frames. */
export type SocketErrorCode =
  | 'INVALID_JSON'
  | 'UNKNOWN_MESSAGE_TYPE'
  | 'FRAME_TOO_LARGE'
  | 'BINARY_NOT_SUPPORTED'
  | (string & {});

/** A recoverable socket error; the socket stays open. */
export type SocketErrorEvent = Envelope<{ code: SocketErrorCode; message: string }, 'error'>;

/** The club's stock changed (every socket; `lane` is null): see src/wire-stays.ts. */
export type InventoryChangedEvent = Envelope<Stock, 'inventory.changed'>;

/** The upgrade waitlist changed (register and monitor sockets; `lane` is null): reload it. */
export type WaitlistChangedEvent = Envelope<WaitlistChanged, 'waitlist.changed'>;

/** The ephemeral (not revisioned) events the client knows. */
export type ServerEvent = LaneHighlightEvent | RegisterEndedEvent | PongEvent | SocketErrorEvent | InventoryChangedEvent | WaitlistChangedEvent;

/** Any message the client knows, for a socket whose views are `V`. */
export type ServerMessage<V extends LaneView> = LaneViewMessage<V> | ServerEvent;

/** The only two messages a client sends. */
export type ClientMessage = { type: 'ping' } | { type: 'resync' };

// ---- HTTP (src/error.rs, src/http/*.rs) ----

/** Stable error codes the screens react to; any other string may arrive too. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_AUTHENTICATED'
  | 'NOT_FOUND'
  | 'STALE_VERSION'
  | 'INVALID_TRANSITION'
  | 'NO_SESSION'
  | 'LANE_BUSY'
  | 'CUSTOMER_BUSY'
  | 'ALREADY_CHECKED_IN'
  | 'BANNED'
  | 'UNDERAGE'
  | 'ID_EXPIRED'
  | 'INVALID_SCAN'
  | 'LANGUAGE_REQUIRED'
  | 'SELECTION_LOCKED'
  | 'RENTAL_NOT_ALLOWED'
  | 'PAST_DUE_BLOCKED'
  | 'NO_PROPOSAL'
  | 'SOLD_OUT'
  | 'WAITLIST_NOT_POSSIBLE'
  | 'NOT_SOLD_OUT'
  | 'MANAGER_PIN_REQUIRED'
  | 'PIN_LOCKED'
  | 'UNIT_UNAVAILABLE'
  | 'PAYMENT_NOT_DUE'
  | 'ALREADY_PAID'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'CONSENT_REQUIRED'
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID_IMAGE'
  | 'SIGNATURE_BLANK'
  | 'SIGNATURE_TOO_LARGE'
  | 'SIGNATURE_DIMENSIONS'
  | 'SIGNATURE_STROKES_INVALID'
  | 'TYPED_NAME_MISMATCH'
  | 'EXPORT_TOO_LARGE'
  | 'AGREEMENT_CHANGED'
  | 'AGREEMENT_SIGNED'
  | 'AGREEMENT_ACTIVE'
  | 'NO_AGREEMENT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL'
  | (string & {});

/** The body of every refusal: `{"error": {"code", "message", "details"}}`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** a sentence for a person (staff) */
    message: string;
    /** extra facts, e.g. `{"field": "pin"}` or `{"rev", "view"}` */
    details: Record<string, unknown>;
  };
}

/** `details` of 409 `STALE_VERSION`: the caller's current view. */
export interface StaleVersionDetails<V extends LaneView> {
  rev: number;
  view: V;
}

/** The answer of most lane commands (`http::lane_sessions::Revision`). */
export interface Revision {
  rev: number;
  /** only on session start */
  session_id?: Uuid;
}

/** The answer of `confirm` (`checkin::selection::Locked`). */
export interface Locked {
  /** the lane's revision after the command (unchanged when it was already locked) */
  rev: number;
  rental_type: RentalType;
  confirmed_by: Side;
  already_locked: boolean;
}

/** The answer of mark-paid. */
export interface MarkPaidAnswer {
  rev: number;
  payment_intent_id: Uuid;
  status: PaymentStatus;
  amount_cents: number;
}

/** The answer of sign and assign (`checkin::signing::Outcome`). */
export interface SignOutcome {
  rev: number;
  signature_id: Uuid;
  /** COMPLETED, or AWAITING_ASSIGNMENT when the hold was lost */
  status: LaneSessionStatus;
  number: string | null;
  checkout_at: IsoDateTime | null;
}

/** The answer of `agreement-shown` (`http::checkin_sign::AgreementShown`). */
export interface AgreementShown {
  /** the lane's revision after the command (unchanged when already recorded) */
  rev: number;
  /** this version's showing was already recorded; nothing changed */
  already_recorded: boolean;
}

/** A retail add-on (`checkin::quote::StoredAddOn`). */
export interface AddOnItem {
  /** 1–80 characters */
  description: string;
  /** 1–100000 */
  amount_cents: number;
}

/** The customer's open stay (`http::customers::OpenVisit`). */
export interface OpenVisit {
  visit_id: Uuid;
  started_at: IsoDateTime;
  checkout_at: IsoDateTime | null;
  /** the room or locker number */
  number: string | null;
  kind: ResourceType | null;
  overdue: boolean;
}

/** A search hit (`http::customers::CustomerHit`): the customer and their open stay. */
export interface CustomerHit extends CustomerSummary {
  visit: OpenVisit | null;
}

/** What an ID scan showed (`checkin::identify::ScannedIdentity`). */
export interface ScannedIdentity {
  name: string | null;
  dob: IsoDate | null;
  expires_on: IsoDate | null;
  issuing_state: string | null;
}

/** The result of a scan (`http::customers::IdentifyResponse`). */
export interface IdentifyResponse {
  result: 'MATCHED' | 'ALREADY_CHECKED_IN' | 'NO_MATCH';
  customer: CustomerSummary | null;
  identity_method: IdentityMethod | null;
  visit: OpenVisit | null;
  scanned: ScannedIdentity | null;
}

// ---- signature strokes (src/domain/signature/strokes.rs; unknown fields are refused) ----

/** One sampled pen position, in canvas units; `t` is ms since the pad opened. */
export interface StrokePoint {
  x: number;
  y: number;
  t: number;
}

/** One pen-down to pen-up movement. */
export interface Stroke {
  points: StrokePoint[];
}

/** A drawn signature: the pad's canvas size and its strokes. */
export interface SignatureStrokes {
  width: number;
  height: number;
  strokes: Stroke[];
}

/** The body of `POST …/session/sign` (`http::checkin_sign::Sign`). */
export interface SignRequest {
  agreement_id: Uuid;
  consent: boolean;
  consent_at?: IsoDateTime;
  /** `canvas.toDataURL('image/png')` */
  signature_png?: string;
  strokes?: SignatureStrokes;
  /** DRAWN (default) or TYPED (issue 15: the customer typed their full name) */
  method?: SignatureMethod;
  /** with TYPED only: the name as typed; the server compares it with the name on file */
  typed_name?: string;
}

/** How a signature was made. */
export type SignatureMethod = 'DRAWN' | 'TYPED';
