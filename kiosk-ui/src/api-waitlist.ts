/**
 * The HTTP calls of the upgrade waitlist at the register: the list, an offer, an acceptance,
 * the payment that moves the customer and a cancellation (after a step-up).
 * Same rules as `api.ts`: every call resolves to `{ok, value}` or `{ok: false, error}`.
 */

import type { ApiResult, Requester } from './api';
import type { AcceptAnswer, PayUpgradeBody, WaitlistEntry, WaitlistList } from './wire-waitlist';

const path = (id: string, action: string) => `/api/waitlist/${encodeURIComponent(id)}/${action}`;

/** The calls, bound to one requester. */
export function waitlistCommands(request: Requester) {
  return {
    /** the open entries (ACTIVE and OFFERED), oldest first */
    waitlistEntries: (): Promise<ApiResult<WaitlistList>> => request<WaitlistList>('GET', '/api/waitlist'),
    offerRoom: (id: string, number: string): Promise<ApiResult<WaitlistEntry>> => request<WaitlistEntry>('POST', path(id, 'offer'), { number }),
    acceptOffer: (id: string, expectedFeeCents?: number): Promise<ApiResult<AcceptAnswer>> =>
      request<AcceptAnswer>('POST', path(id, 'accept'), expectedFeeCents === undefined ? {} : { expected_fee_cents: expectedFeeCents }),
    payUpgrade: (id: string, body: PayUpgradeBody): Promise<ApiResult<WaitlistEntry>> => request<WaitlistEntry>('POST', path(id, 'pay'), body),
    cancelWaitlist: (id: string, reason?: string): Promise<ApiResult<WaitlistEntry>> =>
      request<WaitlistEntry>('POST', path(id, 'cancel'), reason ? { reason } : {}),
  };
}
