/**
 * The agreement editor's checks, the same limits as the server (`src/http/agreements.rs`):
 * title 1–200 characters on one line, text 1–100 000 (line breaks and tabs allowed), consent
 * sentence 1–500 on one line. Pure.
 */

import type { MessageKey } from '../../i18n';
import type { AgreementText, AgreementVersion } from '../../wire-agreements';

/** A field of the editor. */
export type AgreementField = keyof AgreementText;

/** Each field's limits: most characters and whether line breaks are allowed. */
export const LIMITS: Record<AgreementField, { max: number; lines: boolean }> = {
  title: { max: 200, lines: false },
  body_text: { max: 100_000, lines: true },
  consent_text: { max: 500, lines: false },
};

// control characters other than the line breaks and tabs a text may have
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BREAKS = /[\n\t]/;

/** The problem of each field (absent when fine), checked on the trimmed text. */
export function checkAgreementText(text: AgreementText): Partial<Record<AgreementField, MessageKey>> {
  const problems: Partial<Record<AgreementField, MessageKey>> = {};
  for (const field of Object.keys(LIMITS) as AgreementField[]) {
    const value = text[field].trim();
    const { max, lines } = LIMITS[field];
    if (value === '') problems[field] = 'man.agr.required';
    else if ([...value].length > max) problems[field] = 'man.agr.tooLong';
    else if (CONTROL.test(value) || (!lines && BREAKS.test(value))) problems[field] = 'man.agr.badCharacters';
  }
  return problems;
}

/** The trimmed text to send. */
export function trimmed(text: AgreementText): AgreementText {
  return { title: text.title.trim(), body_text: text.body_text.trim(), consent_text: text.consent_text.trim() };
}

/** A new draft's starting text: the active version of the language, or empty. */
export function prefill(versions: readonly AgreementVersion[], language: string): AgreementText {
  const active = versions.find((v) => v.language === language && v.active);
  return active ? { title: active.title, body_text: active.body_text, consent_text: active.consent_text } : { title: '', body_text: '', consent_text: '' };
}
