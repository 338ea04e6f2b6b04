/**
 * The staff screens' language (src/ui/language.ts): remembered per screen, `<html lang>`
 * follows it, labels and times follow it; the register's and manager's markup has no English
 * text of its own (every string comes from en.ts/es.ts); server sentences show times in the
 * club's zone.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { en, es } from '../src/i18n';
import { METHOD_NAMES, RENTAL_NAMES, STATUS_NAMES } from '../src/screens/register/labels';
import { currentLanguage, initLanguage, setLanguage, t, timeAt } from '../src/ui/language';
import { localTimes } from '../src/ui/refusal';

function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('the staff language', () => {
  let storage: Storage;
  const root = { lang: 'en' };
  beforeEach(() => {
    storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('document', { documentElement: root });
  });
  afterEach(() => {
    setLanguage('EN');
    vi.unstubAllGlobals();
  });

  it('is remembered per screen and sets <html lang>', () => {
    initLanguage('register');
    expect(currentLanguage()).toBe('EN');
    setLanguage('ES');
    expect(storage.getItem('frontdesk.language.register')).toBe('ES');
    expect(root.lang).toBe('es');
    initLanguage('manager');
    expect(currentLanguage()).toBe('EN');
    expect(root.lang).toBe('en');
    initLanguage('register');
    expect(currentLanguage()).toBe('ES');
    expect(root.lang).toBe('es');
  });

  it('ignores a stored value that is not a language', () => {
    storage.setItem('frontdesk.language.register', 'FR');
    initLanguage('register');
    expect(currentLanguage()).toBe('EN');
  });

  it('renames labels and times when switched', () => {
    setLanguage('EN');
    expect(t('reg.markPaid')).toBe('Mark paid…');
    expect(STATUS_NAMES.AWAITING_PAYMENT).toBe('Awaiting payment');
    expect(RENTAL_NAMES.STANDARD).toBe('Standard Room');
    expect(timeAt('2026-11-20T00:10:00Z', 'America/Chicago')).toMatch(/^Nov 19, (2026, )?6:10 PM$/);
    setLanguage('ES');
    expect(t('reg.markPaid')).toBe('Marcar pagado…');
    expect(STATUS_NAMES.AWAITING_PAYMENT).toBe('Esperando el pago');
    expect(METHOD_NAMES.CASH).toBe('Efectivo');
    expect(RENTAL_NAMES.STANDARD).toBe('Habitación estándar');
    expect(timeAt('2026-11-20T00:10:00Z', 'America/Chicago')).toMatch(/^19 nov( 2026)?, 6:10 p\. m\.$/);
    expect(Object.keys(STATUS_NAMES)).toContain('COMPLETED');
  });
});

describe('the string tables', () => {
  it('have every register and manager key in Spanish, translated', () => {
    const staffKeys = Object.keys(en).filter((k) => /^(staff|reg|mgr)\./.test(k));
    expect(staffKeys.length).toBeGreaterThan(150);
    for (const key of staffKeys) expect(Object.keys(es), key).toContain(key);
    // words that must differ between the languages (not just copied)
    for (const key of ['staff.signOut', 'reg.inventory', 'reg.search', 'reg.readyToScan', 'reg.propose', 'reg.confirmSelection', 'mgr.tab.signatures'] as const) {
      expect(es[key], key).not.toBe(en[key]);
    }
  });
});

const markup = import.meta.glob<string>(['../src/screens/register/*.tsx', '../src/screens/manager/*.tsx', '../src/ui/*.tsx', '../src/screens/stays/*.tsx'], { query: '?raw', import: 'default', eager: true });

describe('the register and manager markup', () => {
  it('has no English text of its own (the strings come from en.ts/es.ts)', () => {
    const found: string[] = [];
    for (const [path, source] of Object.entries(markup)) {
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      // text between tags (not an arrow's `=>`), and the attributes a person reads or hears
      for (const m of code.matchAll(/(?<!=)>([^<>{}]*[A-Za-z]{2,}[^<>{}]*)</g)) {
        const text = m[1]?.trim() ?? '';
        if (text !== '' && !/[=;()]/.test(text)) found.push(`${path}: ${text}`);
      }
      for (const m of code.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]*[A-Za-z][^"]*)"/g)) found.push(`${path}: ${m[1]}="${m[2]}"`);
    }
    expect(found).toEqual([]);
  });
});

describe('server sentences', () => {
  it('show their UTC times in the club’s zone', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    vi.useFakeTimers({ now });
    try {
      expect(localTimes('Try again after 2026-12-02 02:04:09.176860 UTC.', { timeZone: 'America/Chicago' })).toBe('Try again after Dec 1, 8:04 PM.');
      expect(localTimes('banned until 2026-12-02 20:00 UTC', { timeZone: 'America/Chicago' })).toBe('banned until 2:00 PM');
      expect(localTimes('at 2026-12-04T01:00:00Z', { timeZone: 'America/Chicago', language: 'ES' })).toBe('at 3 dic, 7:00 p. m.');
      expect(localTimes('between 1900-01-01 and 2100-01-01 (UTC)')).toBe('between 1900-01-01 and 2100-01-01 (UTC)');
    } finally {
      vi.useRealTimers();
    }
  });
});
