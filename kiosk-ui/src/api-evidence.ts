/**
 * The evidence desk's HTTP calls: a signature's certificate (PDF) downloaded, a certificate
 * checked by upload or by its SHA-256, and the addresses of the CSV and ZIP exports of the
 * signature list. Same rules as `api.ts`: every call resolves to `{ok, value}` or
 * `{ok: false, error}`, same-origin cookies; nothing is sent on import. These calls carry
 * bytes (a PDF in or out), so they use `fetch` directly rather than the JSON requester.
 */

import { parseErrorBody, type ApiError, type ApiResult, type FetchLike } from './api';
import { queryString } from './api-staff';
import type { Certificate, VerifyAnswer } from './wire-evidence';

/** The largest upload the server takes (10 MiB); a bigger file is refused before sending. */
export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

/** The address of a signature's certificate (`Content-Disposition: attachment`). */
export function certificateUrl(id: string): string {
  return `/api/signatures/${encodeURIComponent(id)}/certificate.pdf`;
}

/** The address of the CSV or ZIP export of the list under `filters` (the cursor is dropped:
 * an export is every matching signature, not one page). */
export function exportUrl(kind: 'csv' | 'zip', filters: Readonly<Record<string, string>>): string {
  const { cursor: _page, ...rest } = filters;
  return `/api/signatures/export.${kind}${queryString(rest)}`;
}

/** Is `text` a SHA-256 in hex (64 characters, either case, spaces around allowed)? */
export function isSha256(text: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(text.trim());
}

const network = (cause: unknown): ApiError => ({
  status: 0,
  code: 'NETWORK_ERROR',
  message: cause instanceof Error ? cause.message : 'The request could not be sent.',
  details: {},
});

/** A refusal read from a non-2xx answer (the `{error}` body, else `HTTP_<status>`). */
async function refusal(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text()) as unknown;
  } catch {
    body = null;
  }
  const error = parseErrorBody(body);
  if (error) return { status: response.status, ...error };
  return { status: response.status, code: `HTTP_${response.status}`, message: response.statusText || 'The server refused the request.', details: {} };
}

/** The file name of a `Content-Disposition`, else `fallback`. */
export function dispositionName(header: string | null, fallback: string): string {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1] ?? fallback;
}

/** The answer of `GET /api/signatures/export/size`. */
export interface ExportSize {
  count: number;
  max: number;
  too_many: boolean;
}

/** The refusal an export of `size` would meet, in the server's own shape (null when none). */
export function exportRefusal(size: ExportSize): ApiError | null {
  if (!size.too_many) return null;
  const message = `More than ${size.max} signatures match; narrow the filter (for example by dates).`;
  return { status: 409, code: 'EXPORT_TOO_LARGE', message, details: { max: size.max } };
}

/** The calls, bound to one `fetch`. */
export function evidenceCommands(doFetch: FetchLike, baseUrl = '') {
  async function send(path: string, init: RequestInit): Promise<ApiResult<Response>> {
    try {
      const response = await doFetch(`${baseUrl}${path}`, { credentials: 'same-origin', ...init });
      return response.ok ? { ok: true, status: response.status, value: response } : { ok: false, error: await refusal(response) };
    } catch (cause) {
      return { ok: false, error: network(cause) };
    }
  }

  async function verify(body: BodyInit, contentType: string): Promise<ApiResult<VerifyAnswer>> {
    const sent = await send('/api/signatures/verify', { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': contentType }, body });
    if (!sent.ok) return sent;
    try {
      return { ok: true, status: sent.status, value: JSON.parse(await sent.value.text()) as VerifyAnswer };
    } catch {
      return { ok: false, error: { status: sent.status, code: 'BAD_RESPONSE', message: 'The server answered with something that is not JSON.', details: {} } };
    }
  }

  return {
    /** `GET /api/signatures/{id}/certificate.pdf` (audited by the server). */
    certificate: async (id: string): Promise<ApiResult<Certificate>> => {
      const sent = await send(certificateUrl(id), { method: 'GET', headers: { Accept: 'application/pdf' } });
      if (!sent.ok) return sent;
      const response = sent.value;
      const blob = await response.blob();
      const filename = dispositionName(response.headers.get('Content-Disposition'), `certificate-${id}.pdf`);
      return { ok: true, status: sent.status, value: { blob, filename, sha256: response.headers.get('X-Certificate-SHA256') } };
    },
    /** `GET /api/signatures/export/size` under the list's filters. */
    exportSize: async (filters: Readonly<Record<string, string>>): Promise<ApiResult<ExportSize>> => {
      const { cursor: _page, ...rest } = filters;
      const sent = await send(`/api/signatures/export/size${queryString(rest)}`, { method: 'GET', headers: { Accept: 'application/json' } });
      if (!sent.ok) return sent;
      return { ok: true, status: sent.status, value: JSON.parse(await sent.value.text()) as ExportSize };
    },
    /** `POST /api/signatures/verify` with the PDF's bytes. */
    verifyPdf: (file: Blob): Promise<ApiResult<VerifyAnswer>> => verify(file, 'application/pdf'),
    /** `POST /api/signatures/verify` with `{"sha256"}`. */
    verifySha256: (sha256: string): Promise<ApiResult<VerifyAnswer>> => verify(JSON.stringify({ sha256: sha256.trim().toLowerCase() }), 'application/json'),
  };
}

/** The page's calls (the global `fetch`). */
export const evidence = evidenceCommands((input, init) => globalThis.fetch(input, init));
