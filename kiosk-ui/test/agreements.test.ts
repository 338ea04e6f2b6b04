/**
 * Agreement versions on the manager's and register's screens: the editor checks the server's
 * limits, a new draft starts from the active text, the route has its own address, and the
 * register's note says when a returning customer last signed an older version (EN and ES).
 */

import { afterEach, describe, expect, it } from 'vitest';

import { checkAgreementText, prefill } from '../src/screens/manager/agreement-form';
import { parseRoute, routeUrl } from '../src/screens/manager/route';
import { lastSignedLine } from '../src/screens/register/last-signed';
import { setLanguage } from '../src/ui/language';
import type { LastSigned } from '../src/wire';
import type { AgreementVersion } from '../src/wire-agreements';

const ZONE = 'America/Chicago';

function version(over: Partial<AgreementVersion>): AgreementVersion {
  return {
    id: 'a1', version: 1, language: 'EN', title: 'Rules', body_text: 'Text v1', body_sha256: '0'.repeat(64), consent_text: 'I agree.',
    active: true, signatures: 3, editable: false, created_at: '2026-11-01T12:00:00Z', activated_at: '2026-11-01T12:00:00Z', ...over,
  };
}

describe('the agreement editor', () => {
  it('checks the limits the server checks', () => {
    expect(checkAgreementText({ title: 'Rules', body_text: 'Line one\n\tLine two', consent_text: 'I agree.' })).toEqual({});
    expect(checkAgreementText({ title: '  ', body_text: 'x', consent_text: 'ok' })).toEqual({ title: 'man.agr.required' });
    expect(checkAgreementText({ title: 'T'.repeat(201), body_text: 'x'.repeat(100_001), consent_text: 'c'.repeat(501) })).toEqual({
      title: 'man.agr.tooLong', body_text: 'man.agr.tooLong', consent_text: 'man.agr.tooLong',
    });
    expect(checkAgreementText({ title: 'Two\nlines', body_text: 'a\u0000b', consent_text: 'ok' })).toEqual({
      title: 'man.agr.badCharacters', body_text: 'man.agr.badCharacters',
    });
  });

  it('starts a new draft from the active text of its language', () => {
    const versions = [version({}), version({ id: 'a2', version: 2, active: false, title: 'Draft', signatures: 0, editable: true }), version({ id: 'b1', language: 'ES', title: 'Reglas' })];
    expect(prefill(versions, 'EN')).toEqual({ title: 'Rules', body_text: 'Text v1', consent_text: 'I agree.' });
    expect(prefill(versions, 'ES').title).toBe('Reglas');
    expect(prefill([], 'EN')).toEqual({ title: '', body_text: '', consent_text: '' });
  });

  it('has its own address', () => {
    expect(routeUrl({ page: 'agreements' })).toBe('/manager/agreements');
    expect(parseRoute('/manager/agreements', '')).toEqual({ page: 'agreements' });
  });
});

describe("the register's note on the last signature", () => {
  afterEach(() => setLanguage('EN'));
  const last: LastSigned = { version: 1, language: 'EN', signed_at: '2026-11-03T20:00:00Z', current_version: 2, current_language: 'EN', older: true };

  it('says which older version was signed and which one is read today', () => {
    expect(lastSignedLine(last, ZONE)).toBe('Last signed an older agreement (v1, Nov 3, 2026); they will read v2 today.');
    expect(lastSignedLine({ ...last, current_language: 'ES', current_version: 4 }, ZONE)).toBe(
      'Last signed an older agreement (v1, Nov 3, 2026); they will read ES v4 today.',
    );
    setLanguage('ES');
    expect(lastSignedLine(last, ZONE)).toMatch(/^Firmó por última vez un contrato anterior \(v1, .*2026\); hoy leerá la v2\.$/);
  });

  it('says nothing for the current version or a first visit', () => {
    expect(lastSignedLine({ ...last, version: 2, older: false }, ZONE)).toBeNull();
    expect(lastSignedLine(null, ZONE)).toBeNull();
    expect(lastSignedLine(undefined, ZONE)).toBeNull();
  });

  it('uses the club day of the signature', () => {
    // 02:00 UTC on Nov 4 is still Nov 3 in Chicago
    expect(lastSignedLine({ ...last, signed_at: '2026-11-04T02:00:00Z' }, ZONE)).toContain('Nov 3, 2026');
  });
});
