/**
 * The HTTP commands of a lane (docs/checkin.md, docs/realtime.md; handlers in src/http/*.rs).
 *
 * - JSON in and out, `credentials: 'same-origin'` (the HttpOnly session or device cookie).
 * - `expectedRev` is sent as `expected_rev` only by the commands whose body accepts it (the
 *   server refuses unknown fields).
 * - Mark-paid and sign take an `Idempotency-Key`: make one per user action with
 *   `newIdempotencyKey()` and send the same key again when retrying that action.
 * - Every call resolves (never rejects) to `{ok: true, value}` or `{ok: false, error}` where the
 *   error carries the server's `code`, `message` and `details`; a failed network call is
 *   `NETWORK_ERROR` with status 0. Views are not returned: they arrive on the socket.
 *
 * `fetch` is injectable for tests. Nothing is sent until a method is called.
 */

import type {
  AddOnItem,
  AgreementShown,
  BackTo,
  CustomerCorrected,
  CustomerHit,
  CustomerSummary,
  ErrorBody,
  ErrorCode,
  IdentifyResponse,
  IdentityMethod,
  IsoDate,
  Language,
  LaneView,
  LaneViewMessage,
  Locked,
  MarkPaidAnswer,
  MembershipChoice,
  PaymentMethod,
  RentalType,
  Revision,
  SignOutcome,
  SignRequest,
  StaleVersionDetails,
  Uuid,
} from './wire';
import { agreementCommands } from './api-agreements';
import { managerCommands } from './api-manager';
import { reportCommands } from './api-reports';
import { staffCommands } from './api-staff';
import { staysCommands } from './api-stays';
import { waitlistCommands } from './api-waitlist';

/** A refusal or failure, as the screens use it. */
export interface ApiError {
  /** HTTP status; 0 when no answer arrived */
  status: number;
  /** the server's stable code, or NETWORK_ERROR / BAD_RESPONSE / HTTP_<status> */
  code: ErrorCode;
  /** the server's sentence (for staff; the kiosk shows its own calm sentence) */
  message: string;
  /** the server's details, e.g. `{field}` or `{rev, view}` */
  details: Record<string, unknown>;
}

/** The outcome of a call. */
export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; error: ApiError };

/** The `fetch` the client uses. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Optional revision guard of a command. */
export interface RevOptions {
  /** refuse with 409 STALE_VERSION unless the lane is at this revision */
  expectedRev?: number;
}

/** The idempotency key of a money or signature command (required: reuse it on retry). */
export interface IdempotentOptions {
  idempotencyKey: string;
}

/** Settings of the client. */
export interface ApiOptions {
  /** default: the global `fetch` */
  fetch?: FetchLike;
  /** prefix of every path, e.g. `''` (same origin, the default) */
  baseUrl?: string;
}

/** A fresh key for one user action (mark paid, sign). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{error: {code, message, details}}`, or null when the body is not that shape. */
export function parseErrorBody(body: unknown): ErrorBody['error'] | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, details } = body.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, details: isRecord(details) ? details : {} };
}

/** The current view carried by a 409 STALE_VERSION, if this error is one. */
export function staleView<V extends LaneView>(error: ApiError): StaleVersionDetails<V> | null {
  if (error.code !== 'STALE_VERSION') return null;
  const { rev, view } = error.details;
  if (typeof rev !== 'number' || !isRecord(view)) return null;
  return { rev, view: view as unknown as V };
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await response.text();
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The HTTP path of a lane resource: `/api/lanes/{lane}{rest}`. */
export function lanePath(lane: string, rest: string): string {
  return `/api/lanes/${encodeURIComponent(lane)}${rest}`;
}

/** A body with `expected_rev` added when given. */
function withRev<B extends object>(body: B, options: RevOptions | undefined): B & { expected_rev?: number } {
  return options?.expectedRev === undefined ? body : { ...body, expected_rev: options.expectedRev };
}

/** Sends one request and reads its JSON answer (see the module header). */
export type Requester = <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResult<T>>;

/** A typed client of the HTTP commands. */
export function createApi(options: ApiOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, init);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : 'The request could not be sent.';
      return { ok: false, error: { status: 0, code: 'NETWORK_ERROR', message, details: {} } };
    }
    let parsed: { ok: true; value: unknown } | { ok: false };
    try {
      parsed = await readJson(response);
    } catch {
      parsed = { ok: false };
    }
    if (response.ok) {
      if (!parsed.ok) {
        return { ok: false, error: { status: response.status, code: 'BAD_RESPONSE', message: 'The server answered with something that is not JSON.', details: {} } };
      }
      return { ok: true, status: response.status, value: parsed.value as T };
    }
    const error = parsed.ok ? parseErrorBody(parsed.value) : null;
    if (error) return { ok: false, error: { status: response.status, ...error } };
    const fallback = response.statusText || 'The server refused the request.';
    return { ok: false, error: { status: response.status, code: `HTTP_${response.status}`, message: fallback, details: {} } };
  }

  const post = <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('POST', path, body, headers);
  const key = (o: IdempotentOptions) => ({ 'Idempotency-Key': o.idempotencyKey });

  return {
    // sign-in, devices, registers, inventory, signatures (src/api-staff.ts)
    ...staffCommands(request),
    ...managerCommands(request),
    ...agreementCommands(request),
    // due board, checkout, housekeeping (src/api-stays.ts)
    ...staysCommands(request),
    // the upgrade waitlist (src/api-waitlist.ts)
    ...waitlistCommands(request),
    // the managers' reports (src/api-reports.ts)
    ...reportCommands(request),

    /** `GET /api/lanes/{lane}/view`: the same envelope the socket sends (fallback). */
    laneView: <V extends LaneView>(lane: string) => request<LaneViewMessage<V>>('GET', lanePath(lane, '/view')),

    // lane session lifecycle (src/http/lane_sessions.rs)
    startSession: (lane: string, customerId: Uuid, identityMethod?: IdentityMethod, o?: RevOptions) =>
      post<Revision>(lanePath(lane, '/sessions'), withRev({ customer_id: customerId, ...(identityMethod ? { identity_method: identityMethod } : {}) }, o)),
    setLanguage: (lane: string, language: Language, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/language'), withRev({ language }, o)),
    cancel: (lane: string, reason: string, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/cancel'), withRev({ reason }, o)),
    close: (lane: string, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/close'), withRev({}, o)),
    acknowledge: (lane: string, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/acknowledge'), withRev({}, o)),
    /** 204: no body, no state */
    highlight: (lane: string, option: string) => post<null>(lanePath(lane, '/highlight'), { option }),

    // check-in steps (src/http/checkin_select.rs, checkin_pay.rs, checkin_sign.rs)
    membership: (lane: string, choice: MembershipChoice, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/membership'), withRev({ choice }, o)),
    propose: (lane: string, rentalType: RentalType, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/propose'), withRev({ rental_type: rentalType }, o)),
    confirm: (lane: string, o?: RevOptions) => post<Locked>(lanePath(lane, '/session/confirm'), withRev({}, o)),
    waitlist: (lane: string, desired: RentalType, backup: RentalType, o?: RevOptions) =>
      post<Revision>(lanePath(lane, '/session/waitlist'), withRev({ desired, backup }, o)),
    /** Back before confirming: clears `to` and every later choice */
    back: (lane: string, to: BackTo, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/back'), withRev({ to }, o)),
    swapHold: (lane: string, number: string, o?: RevOptions) => post<Revision>(lanePath(lane, '/session/hold'), withRev({ number }, o)),
    addons: (lane: string, items: AddOnItem[], o?: RevOptions) => post<Revision>(lanePath(lane, '/session/addons'), withRev({ items }, o)),
    markPaid: (lane: string, payment: { method: PaymentMethod; external_reference?: string }, o: IdempotentOptions) =>
      post<MarkPaidAnswer>(lanePath(lane, '/session/payment'), payment, key(o)),
    decline: (lane: string, reason: string) => post<Revision>(lanePath(lane, '/session/decline'), { reason }),
    /** the manager's credentials are typed by the manager at the register; never stored */
    pastDueBypass: (lane: string, managerLogin: string, managerPin: string) =>
      post<Revision>(lanePath(lane, '/session/past-due-bypass'), { manager_login: managerLogin, pin: managerPin }),
    agreementShown: (lane: string, o?: RevOptions) => post<AgreementShown>(lanePath(lane, '/session/agreement-shown'), withRev({}, o)),
    sign: (lane: string, body: SignRequest, o: IdempotentOptions) => post<SignOutcome>(lanePath(lane, '/session/sign'), body, key(o)),
    assign: (lane: string, number?: string) => post<SignOutcome>(lanePath(lane, '/session/assign'), number === undefined ? {} : { number }),

    // customers (src/http/customers.rs)
    identify: (lane: string, scan: string) => post<IdentifyResponse>(lanePath(lane, '/identify'), { scan }),
    searchCustomers: (q: string) => request<CustomerHit[]>('GET', `/api/customers?q=${encodeURIComponent(q)}`),
    createCustomer: (customer: { name?: string; dob?: IsoDate; membership_number?: string; scan?: string }) =>
      post<CustomerSummary>('/api/customers', customer),
    /** src/http/customer_correct.rs; an empty `membership_number` removes it */
    correctCustomer: (id: string, correction: { name?: string; dob?: IsoDate; membership_number?: string; reason: string }) =>
      post<CustomerCorrected>(`/api/customers/${encodeURIComponent(id)}/corrections`, correction),
  };
}

/** The client's type. */
export type Api = ReturnType<typeof createApi>;
