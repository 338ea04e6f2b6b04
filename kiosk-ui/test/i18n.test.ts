/** The kiosk's strings: Spanish covers every English key, with the same parameters. */

import { describe, expect, it } from 'vitest';
import { createTranslator, en, es, interpolate, LANGUAGES, MESSAGES, translate, type MessageKey } from '../src/i18n';
import { RENTAL_TYPES } from '../src/wire';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('completeness', () => {
  const enKeys = Object.keys(en).sort();

  it('has every English key in Spanish, and no other', () => {
    expect(Object.keys(es).sort()).toEqual(enKeys);
  });

  it('uses the same parameters in every language', () => {
    for (const language of LANGUAGES) {
      for (const key of enKeys as MessageKey[]) {
        expect(placeholders(MESSAGES[language][key]), `${language} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('has no empty string', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(MESSAGES[language])) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('names every rental type the server knows', () => {
    for (const rental of RENTAL_TYPES) {
      expect(Object.keys(en)).toContain(`rental.${rental}`);
    }
  });
});

describe('translate', () => {
  it('gives the kiosk texts the screens need', () => {
    const t = createTranslator('EN');
    expect(t('rental.LOCKER')).toBe('Locker');
    expect(t('rental.GYM_LOCKER')).toBe('Gym Locker');
    expect(t('rental.STANDARD')).toBe('Standard Room');
    expect(t('rental.DOUBLE')).toBe('Double Room');
    expect(t('rental.SPECIAL')).toBe('Special Room');
    expect(t('rental.left', { count: 3 })).toBe('3 left');
    expect(t('rental.soldOut')).toBe('Sold out → join the waiting list');
    expect(t('payment.payAttendant')).toBe('Please pay the attendant');
    expect(t('agreement.signing')).toBe('Signing…');
    expect(t('app.seeAttendant')).toBe('Please see the attendant.');
    expect(t('done.room', { number: '214' })).toBe('Your room: 214');
  });

  it('speaks Spanish', () => {
    expect(translate('ES', 'rental.left', { count: 3 })).toBe('Quedan 3');
    expect(translate('ES', 'app.stepOf', { current: 2, total: 5 })).toBe('Paso 2 de 5');
    expect(translate('ES', 'agreement.clear')).toBe('Borrar');
  });

  it('leaves a placeholder without a value as written', () => {
    expect(interpolate('Hello, {name} {x}', { name: 'Robin' })).toBe('Hello, Robin {x}');
  });
});
