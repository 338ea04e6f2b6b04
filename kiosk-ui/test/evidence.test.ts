/**
 * The evidence desk's client side: the verify page's address, the export links carrying the
 * list's filters (not its cursor), a certificate downloaded with its SHA-256 header, a PDF
 * uploaded as bytes and a hash as JSON, refusals read as for every other call, and the
 * verdicts in words.
 */

import { describe, expect, it } from 'vitest';

import { certificateUrl, dispositionName, evidenceCommands, exportRefusal, exportUrl, isSha256 } from '../src/api-evidence';
import type { FetchLike } from '../src/api';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';
import { parseRoute, routeUrl } from '../src/screens/manager/route';
import { VERDICT_KEYS, verdictSentence } from '../src/screens/manager/verify';
import type { VerifyAnswer } from '../src/wire-evidence';

const HEX = 'ab'.repeat(32);
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function recording(response: () => Response): { fetch: FetchLike; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  return { calls, fetch: (url, init) => (calls.push({ url, init }), Promise.resolve(response())) };
}

const answer = (over: Partial<VerifyAnswer>): VerifyAnswer => ({
  status: 'GENUINE',
  sha256: HEX,
  signature_id: ID,
  customer_name: 'Ana Uno',
  signed_at: '2026-11-21T03:02:00Z',
  record_sha256: 'cd'.repeat(32),
  message: 'server words',
  ...over,
});

describe('the verify route', () => {
  it('has its own address', () => {
    expect(routeUrl({ page: 'verify' })).toBe('/manager/verify');
    expect(parseRoute('/manager/verify', '')).toEqual({ page: 'verify' });
    expect(parseRoute('/manager/verify/', '?x=1')).toEqual({ page: 'verify' });
  });
});

describe('addresses', () => {
  it('export what the filters select, every page', () => {
    expect(exportUrl('csv', { customer: 'Ana Uno', language: 'EN', cursor: 'abc' })).toBe('/api/signatures/export.csv?customer=Ana+Uno&language=EN');
    expect(exportUrl('zip', {})).toBe('/api/signatures/export.zip');
    expect(certificateUrl(ID)).toBe(`/api/signatures/${ID}/certificate.pdf`);
  });

  it('read a download’s file name', () => {
    expect(dispositionName(`attachment; filename="certificate-${ID}.pdf"`, 'x.pdf')).toBe(`certificate-${ID}.pdf`);
    expect(dispositionName(null, 'x.pdf')).toBe('x.pdf');
  });

  it('know a SHA-256 when they see one', () => {
    expect(isSha256(HEX)).toBe(true);
    expect(isSha256(` ${HEX.toUpperCase()} `)).toBe(true);
    expect(isSha256(HEX.slice(1))).toBe(false);
    expect(isSha256(`${HEX.slice(1)}g`)).toBe(false);
  });
});

describe('the calls', () => {
  it('download a certificate with the hash the server sent', async () => {
    const { fetch, calls } = recording(
      () => new Response('%PDF-1.7 …', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="certificate-${ID}.pdf"`, 'X-Certificate-SHA256': HEX } }),
    );
    const got = await evidenceCommands(fetch).certificate(ID);
    expect(calls[0]?.url).toBe(`/api/signatures/${ID}/certificate.pdf`);
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(got.ok && [got.value.filename, got.value.sha256, await got.value.blob.text()]).toEqual([`certificate-${ID}.pdf`, HEX, '%PDF-1.7 …']);
  });

  it('upload a PDF as bytes and a hash as JSON', async () => {
    const { fetch, calls } = recording(() => Response.json(answer({})));
    const api = evidenceCommands(fetch);
    const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    const got = await api.verifyPdf(pdf);
    expect(got.ok && got.value.status).toBe('GENUINE');
    expect(calls[0]?.init.method).toBe('POST');
    expect((calls[0]?.init.headers as Record<string, string>)['Content-Type']).toBe('application/pdf');
    expect(calls[0]?.init.body).toBe(pdf);
    await api.verifySha256(` ${HEX.toUpperCase()} `);
    expect((calls[1]?.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ sha256: HEX });
  });

  it('read refusals and failures as every other call does', async () => {
    const refused = recording(() => Response.json({ error: { code: 'NOT_A_PDF', message: 'not a pdf', details: {} } }, { status: 400 }));
    expect(await evidenceCommands(refused.fetch).verifyPdf(new Blob(['hello']))).toEqual({ ok: false, error: { status: 400, code: 'NOT_A_PDF', message: 'not a pdf', details: {} } });
    const bare = recording(() => new Response('', { status: 502 }));
    const got = await evidenceCommands(bare.fetch).certificate(ID);
    expect(!got.ok && got.error.code).toBe('HTTP_502');
    const down = await evidenceCommands(() => Promise.reject(new TypeError('offline'))).verifySha256(HEX);
    expect(!down.ok && down.error.code).toBe('NETWORK_ERROR');
  });
});

describe('verdicts', () => {
  it('say what was found, in words, in both languages', () => {
    expect(VERDICT_KEYS).toEqual({ GENUINE: 'ev.genuine', RECORD_CHANGED: 'ev.recordChanged', NOT_OURS: 'ev.notOurs' });
    expect(verdictSentence(answer({}), 'America/Chicago')).toContain('Ana Uno');
    expect(verdictSentence(answer({ status: 'RECORD_CHANGED' }), 'America/Chicago')).toContain('no longer matches');
    expect(verdictSentence(answer({ status: 'RECORD_CHANGED', signature_id: null, customer_name: null }), 'America/Chicago')).not.toContain('—');
    expect(verdictSentence(answer({ status: 'NOT_OURS', signature_id: null }), 'America/Chicago')).toBe(en['ev.notOursText']);
    expect(verdictSentence(answer({ status: 'NOT_OURS' }), 'America/Chicago')).toContain('names the signature of Ana Uno');
    for (const key of Object.keys(en).filter((k) => k.startsWith('ev.'))) expect(es[key as keyof typeof es], key).not.toBe('');
  });
});

describe('an export is asked about before it downloads', () => {
  it('asks the size under the filters without the cursor', async () => {
    const { fetch, calls } = recording(() => new Response(JSON.stringify({ count: 3, max: 20000, too_many: false }), { status: 200 }));
    const size = await evidenceCommands(fetch).exportSize({ customer: 'ana', cursor: 'abc' });
    expect(calls[0]?.url).toBe('/api/signatures/export/size?customer=ana');
    expect(size.ok && size.value.count).toBe(3);
    expect(size.ok && exportRefusal(size.value)).toBeNull();
  });

  it('turns too many into the server\'s refusal, worded like every other', () => {
    const refusal = exportRefusal({ count: 20001, max: 20000, too_many: true });
    expect(refusal?.code).toBe('EXPORT_TOO_LARGE');
    expect(refusal?.status).toBe(409);
  });
});
