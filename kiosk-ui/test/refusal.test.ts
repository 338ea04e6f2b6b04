/**
 * Refusals in words: every error code the Rust server can send (collected from its sources
 * under ../src) has words in English and Spanish; details such as a lock's end or the seconds
 * to wait are worded; the code appears only in the details line.
 */

import { describe, expect, it } from 'vitest';

import { ERROR_TEXTS, EXTRA_TEXTS, FIELD_TEXTS, isKnownErrorCode } from '../src/i18n/errors';
import { describeRefusal } from '../src/ui/refusal';
import type { ApiError } from '../src/api';

const rust = import.meta.glob<string>('../../src/**/*.rs', { query: '?raw', import: 'default', eager: true });

/** The codes a server error can carry, as written in the Rust sources (see the brief in docs/ui.md). */
function serverCodes(): Set<string> {
  const codes = new Set(['NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'PIN_LOCKED', 'RATE_LIMITED', 'DATABASE_UNAVAILABLE', 'INTERNAL']);
  const literal = '"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})"';
  const patterns = [
    // AppError::Invalid / Unauthenticated / Forbidden / Conflict { code: "…" }, Refusal { code: "…" }
    new RegExp(`\\bcode:\\s*${literal}`, 'g'),
    // AppError::conflict("…", …), AppError::forbidden("…", …), possibly across lines
    new RegExp(`\\b(?:conflict|forbidden)\\(\\s*${literal}`, 'g'),
    // a socket's error frame
    new RegExp(`\\berror_frame\\(\\s*${literal}`, 'g'),
    // a code passed to a helper that builds the refusal: Err(busy(conn, &open, "…"))
    new RegExp(`\\bErr\\([a-z_]+\\([^;"]*${literal}`, 'g'),
  ];
  for (const [path, text] of Object.entries(rust)) {
    if (/\/tests?(\.rs|\/)/.test(path)) continue;
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) codes.add(m[1] ?? '');
    // `code: NAME` with `const NAME: &str = "…"` in the same file
    for (const m of text.matchAll(/\bcode:\s*([A-Z][A-Z_]+)\b/g)) {
      const value = new RegExp(`const ${m[1]}: &str = ${literal}`).exec(text);
      if (value?.[1]) codes.add(value[1]);
    }
    // `fn code(&self) -> &'static str { match self { … => "…" } }`
    for (const m of text.matchAll(/fn code\(&self\) -> &'static str \{([\s\S]*?)\n {4}\}/g)) {
      for (const arm of (m[1] ?? '').matchAll(new RegExp(`=>\\s*${literal}`, 'g'))) codes.add(arm[1] ?? '');
    }
  }
  codes.delete('');
  return codes;
}

const error = (over: Partial<ApiError>): ApiError => ({ status: 409, code: 'UNKNOWN', message: 'The server said no.', details: {}, ...over });

describe('server error codes', () => {
  const codes = serverCodes();

  it('are found in the Rust sources', () => {
    expect(Object.keys(rust).length).toBeGreaterThan(20);
    for (const code of ['STALE_VERSION', 'UNIT_UNAVAILABLE', 'ALREADY_CHECKED_IN', 'INVALID_SCAN', 'NOT_AUTHENTICATED', 'REGISTER_BUSY', 'SIGNATURE_BLANK', 'IDEMPOTENCY_KEY_REUSED', 'PIN_LOCKED']) {
      expect(codes, code).toContain(code);
    }
    expect(codes.size).toBeGreaterThan(60);
  });

  it.each(['EN', 'ES'] as const)('each have words in %s', (language) => {
    const missing = [...codes].filter((code) => !isKnownErrorCode(code) || !ERROR_TEXTS[language][code]?.message || !ERROR_TEXTS[language][code]?.next);
    expect(missing).toEqual([]);
  });

  it('have the same codes, fields and extras in both languages', () => {
    expect(Object.keys(ERROR_TEXTS.ES).sort()).toEqual(Object.keys(ERROR_TEXTS.EN).sort());
    expect(Object.keys(FIELD_TEXTS.ES).sort()).toEqual(Object.keys(FIELD_TEXTS.EN).sort());
    expect(Object.keys(EXTRA_TEXTS.ES).sort()).toEqual(Object.keys(EXTRA_TEXTS.EN).sort());
  });

  it('never show a code or an internal state as the message', () => {
    for (const language of ['EN', 'ES'] as const) {
      for (const text of [...Object.values(ERROR_TEXTS[language]), ...Object.values(FIELD_TEXTS[language])]) {
        expect(`${text.message} ${text.next}`).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
      }
    }
  });
});

describe('describeRefusal', () => {
  it('words a code and keeps it for the details line', () => {
    const words = describeRefusal(error({ code: 'LANE_BUSY', message: 'This lane already has a session in progress.' }));
    expect(words.message).toBe('This lane already has a check-in in progress.');
    expect(words.next).toBe('Finish or cancel it first.');
    expect(words.message).not.toContain('LANE_BUSY');
    expect(words.details).toBe('LANE_BUSY: This lane already has a session in progress.');
  });

  it('says a lock ends at a time in the club’s zone', () => {
    const locked = error({ status: 423, code: 'PIN_LOCKED', message: 'Too many wrong PINs. Try again after 2026-12-02 02:04:09.176860 UTC.', details: { locked_until: '2026-12-02T02:04:09.176860Z' } });
    const words = describeRefusal(locked, { timeZone: 'America/Chicago' });
    expect(words.message).toMatch(/^Too many wrong PINs\. Try again after (Dec 1, )?8:04\sPM\.$/);
    expect(words.message).not.toContain('UTC');
    expect(describeRefusal(locked, { language: 'ES', timeZone: 'America/Chicago' }).message).toMatch(/^Demasiados PIN incorrectos\. Inténtelo de nuevo después de las (.*, )?8:04 p\. m\.$/);
  });

  it('says how many seconds to wait', () => {
    const limited = error({ status: 429, code: 'RATE_LIMITED', details: { retry_after_seconds: 42 } });
    expect(describeRefusal(limited).message).toBe('Too many attempts. Wait 42 seconds.');
    expect(describeRefusal(limited, { language: 'ES' }).message).toBe('Demasiados intentos. Espere 42 segundos.');
  });

  it('says an impossible date of birth is impossible, not underage', () => {
    const words = describeRefusal(error({ status: 400, code: 'VALIDATION_FAILED', message: 'dob cannot be in the future.', details: { field: 'dob' } }));
    expect(words.message).toContain('date of birth is not possible');
    expect(words.message).not.toMatch(/18/);
    expect(words.details).toBe('VALIDATION_FAILED (dob): dob cannot be in the future.');
  });

  it('fills the unit number typed', () => {
    expect(describeRefusal(error({ code: 'UNIT_UNAVAILABLE' }), { params: { number: '999' } }).message).toBe('999 is not free for this rental.');
    expect(describeRefusal(error({ code: 'UNIT_UNAVAILABLE' })).message).toBe('That unit is not free for this rental.');
    expect(describeRefusal(error({ status: 400, code: 'VALIDATION_FAILED', details: { field: 'number' } }), { params: { number: 'x!' } }).message).toBe('“x!” is not a unit number.');
  });

  it('has words for a code it does not know', () => {
    const words = describeRefusal(error({ code: 'HTTP_502', message: 'Bad Gateway' }));
    expect(words.message).toBe('The server refused this.');
    expect(words.details).toBe('HTTP_502: Bad Gateway');
  });
});
