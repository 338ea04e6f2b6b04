/**
 * The HTTP client against a fake fetch: request shape (JSON, cookies, expected_rev,
 * Idempotency-Key) and the mapping of answers to typed results and errors.
 */

import { describe, expect, it } from 'vitest';
import { createApi, newIdempotencyKey, parseErrorBody, staleView, type ApiResult, type FetchLike } from '../src/api';
import type { KioskView } from '../src/wire';
import { CHOOSING_KIOSK } from './fixtures/views';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records calls and answers with `respond()`. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return respond();
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

function bodyOf(call: Call | undefined): unknown {
  return JSON.parse(String(call?.init.body));
}

function expectError<T>(result: ApiResult<T>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('requests', () => {
  it('posts JSON with the session cookie and the expected revision', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { rev: 43 }));
    const api = createApi({ fetch });
    const result = await api.propose('lane-1', 'STANDARD', { expectedRev: 42 });
    expect(result).toEqual({ ok: true, status: 200, value: { rev: 43 } });
    const call = calls[0];
    expect(call?.url).toBe('/api/lanes/lane-1/session/propose');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(headersOf(call)['Content-Type']).toBe('application/json');
    expect(bodyOf(call)).toEqual({ rental_type: 'STANDARD', expected_rev: 42 });
  });

  it('leaves expected_rev out unless given', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { rev: 1 }));
    const api = createApi({ fetch, baseUrl: 'http://127.0.0.1:8080' });
    await api.confirm('lane-1');
    await api.setLanguage('lane 2', 'ES');
    expect(calls[0]?.url).toBe('http://127.0.0.1:8080/api/lanes/lane-1/session/confirm');
    expect(bodyOf(calls[0])).toEqual({});
    expect(calls[1]?.url).toBe('http://127.0.0.1:8080/api/lanes/lane%202/session/language');
    expect(bodyOf(calls[1])).toEqual({ language: 'ES' });
  });

  it('sends the Idempotency-Key on mark-paid and sign, and no expected_rev (the server refuses it there)', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { rev: 5, payment_intent_id: 'p', status: 'PAID', amount_cents: 3000 }));
    const api = createApi({ fetch });
    const key = newIdempotencyKey();
    await api.markPaid('lane-1', { method: 'CARD', external_reference: 'T-100' }, { idempotencyKey: key });
    await api.sign(
      'lane-1',
      { agreement_id: 'a', consent: true, strokes: { width: 600, height: 200, strokes: [] } },
      { idempotencyKey: key },
    );
    expect(headersOf(calls[0])['Idempotency-Key']).toBe(key);
    expect(bodyOf(calls[0])).toEqual({ method: 'CARD', external_reference: 'T-100' });
    expect(calls[1]?.url).toBe('/api/lanes/lane-1/session/sign');
    expect(headersOf(calls[1])['Idempotency-Key']).toBe(key);
    expect(bodyOf(calls[1])).not.toHaveProperty('expected_rev');
  });

  it('makes a new key for each action', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('gets the lane view without a body', async () => {
    const envelope = { type: 'lane.view', lane: 'lane-1', rev: 3, at: '2026-11-20T18:03:07.512Z', data: CHOOSING_KIOSK };
    const { fetch, calls } = fakeFetch(() => json(200, envelope));
    const result = await createApi({ fetch }).laneView<KioskView>('lane-1');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(result.ok && result.value.data.first_name).toBe('Robin');
  });

  it('treats a 204 as success with no value', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await createApi({ fetch }).highlight('lane-1', 'STANDARD')).toEqual({ ok: true, status: 204, value: null });
  });
});

describe('errors', () => {
  it('carries the server code, message and details', async () => {
    const { fetch } = fakeFetch(() =>
      json(409, { error: { code: 'SOLD_OUT', message: 'That rental is sold out.', details: { rental_type: 'DOUBLE', waitlist_possible: true } } }),
    );
    const error = expectError(await createApi({ fetch }).confirm('lane-1'));
    expect(error).toEqual({
      status: 409,
      code: 'SOLD_OUT',
      message: 'That rental is sold out.',
      details: { rental_type: 'DOUBLE', waitlist_possible: true },
    });
  });

  it('gives the current view of a STALE_VERSION', async () => {
    const { fetch } = fakeFetch(() =>
      json(409, { error: { code: 'STALE_VERSION', message: 'The lane changed in the meantime; here is what it shows now.', details: { rev: 44, view: CHOOSING_KIOSK } } }),
    );
    const error = expectError(await createApi({ fetch }).acknowledge('lane-1', { expectedRev: 43 }));
    expect(staleView<KioskView>(error)).toEqual({ rev: 44, view: CHOOSING_KIOSK });
    expect(staleView({ ...error, code: 'SOLD_OUT' })).toBeNull();
    expect(staleView({ ...error, details: {} })).toBeNull();
  });

  it('maps a refusal without the error body to HTTP_<status>', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = expectError(await createApi({ fetch }).close('lane-1'));
    expect(error).toEqual({ status: 502, code: 'HTTP_502', message: 'Bad Gateway', details: {} });
  });

  it('maps a failed network call to NETWORK_ERROR with status 0', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = expectError(await createApi({ fetch }).decline('lane-1', 'Card declined'));
    expect(error).toEqual({ status: 0, code: 'NETWORK_ERROR', message: 'Failed to fetch', details: {} });
  });

  it('maps a success that is not JSON to BAD_RESPONSE', async () => {
    const { fetch } = fakeFetch(() => new Response('ok', { status: 200 }));
    expect(expectError(await createApi({ fetch }).close('lane-1')).code).toBe('BAD_RESPONSE');
  });

  it('reads only well-formed error bodies', () => {
    expect(parseErrorBody({ error: { code: 'X', message: 'm' } })).toEqual({ code: 'X', message: 'm', details: {} });
    expect(parseErrorBody({ error: { code: 1, message: 'm' } })).toBeNull();
    expect(parseErrorBody(null)).toBeNull();
    expect(parseErrorBody([])).toBeNull();
  });
});
