/**
 * The HTTP calls of the stay lifecycle: the due board, checkout, renewals and the housekeeping
 * batch.
 * Same rules as `api.ts`: every call resolves to `{ok, value}` or `{ok: false, error}`.
 */

import type { ApiResult, Requester } from './api';
import { queryString } from './api-staff';
import type { Revision } from './wire';
import type { BatchOutcome, CheckoutBody, CheckoutDone, DueBoard, RenewalOptions, Slip, StartRenewalBody, StatusBatchBody } from './wire-stays';

/** The calls, bound to one requester. */
export function staysCommands(request: Requester) {
  return {
    stays: (q?: string): Promise<ApiResult<DueBoard>> => request<DueBoard>('GET', `/api/stays${queryString({ q })}`),
    checkout: (visitId: string, body: CheckoutBody): Promise<ApiResult<CheckoutDone>> =>
      request<CheckoutDone>('POST', `/api/stays/${encodeURIComponent(visitId)}/checkout`, body),
    renewals: (visitId: string): Promise<ApiResult<RenewalOptions>> => request<RenewalOptions>('GET', `/api/stays/${encodeURIComponent(visitId)}/renewals`),
    /** opens a RENEWAL session at the register's own lane (201 `{rev, session_id}`) */
    startRenewal: (lane: string, body: StartRenewalBody): Promise<ApiResult<Revision>> =>
      request<Revision>('POST', `/api/lanes/${encodeURIComponent(lane)}/renewals`, body),
    setUnitStatus: (body: StatusBatchBody): Promise<ApiResult<BatchOutcome>> => request<BatchOutcome>('POST', '/api/inventory/status', body),
    slip: (blockId: string): Promise<ApiResult<Slip>> => request<Slip>('GET', `/api/slips/${encodeURIComponent(blockId)}`),
  };
}
