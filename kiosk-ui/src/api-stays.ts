/**
 * The HTTP calls of the stay lifecycle: the due board, checkout and the housekeeping batch.
 * Same rules as `api.ts`: every call resolves to `{ok, value}` or `{ok: false, error}`.
 */

import type { ApiResult, Requester } from './api';
import { queryString } from './api-staff';
import type { BatchOutcome, CheckoutBody, CheckoutDone, DueBoard, Slip, StatusBatchBody } from './wire-stays';

/** The calls, bound to one requester. */
export function staysCommands(request: Requester) {
  return {
    stays: (q?: string): Promise<ApiResult<DueBoard>> => request<DueBoard>('GET', `/api/stays${queryString({ q })}`),
    checkout: (visitId: string, body: CheckoutBody): Promise<ApiResult<CheckoutDone>> =>
      request<CheckoutDone>('POST', `/api/stays/${encodeURIComponent(visitId)}/checkout`, body),
    setUnitStatus: (body: StatusBatchBody): Promise<ApiResult<BatchOutcome>> => request<BatchOutcome>('POST', '/api/inventory/status', body),
    slip: (blockId: string): Promise<ApiResult<Slip>> => request<Slip>('GET', `/api/slips/${encodeURIComponent(blockId)}`),
  };
}
