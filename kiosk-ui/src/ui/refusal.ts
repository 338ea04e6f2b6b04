/**
 * A refusal in people's words: the server's `{code, message, details}` becomes a sentence of
 * what happened, what to do next, and a details line for staff (the code, the field, the
 * server's own sentence). Pure; the words are in src/i18n/errors.ts.
 */

import type { ApiError } from '../api';
import { formatTime, interpolate, type Params } from '../i18n';
import { ERROR_TEXTS, EXTRA_TEXTS, FIELD_TEXTS, isKnownErrorCode, isKnownField, type RefusalText } from '../i18n/errors';
import type { Language } from '../wire';

/** What the screen shows of a refusal. */
export interface Refusal {
  message: string;
  next: string;
  /** for staff: code, field and the server's sentence */
  details: string;
}

/** How to word a refusal. */
export interface RefusalOptions {
  language?: Language;
  /** the club's zone, for times in the details (lock end, ban end) */
  timeZone?: string;
  /** values for the words' placeholders, e.g. `{number}` the unit number typed */
  params?: Params;
}

/** A UTC time as the server writes it in a sentence: `2026-12-02 02:04:09.176860 UTC`, RFC 3339. */
const SERVER_TIME = /\b(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?: ?UTC|Z|[+-]00:?00)/g;

/** The server's sentence with its UTC times shown in the club's zone (the details line too). */
export function localTimes(sentence: string, options: Pick<RefusalOptions, 'language' | 'timeZone'> = {}): string {
  return sentence.replace(SERVER_TIME, (whole, day: string, time: string) => {
    const shown = formatTime(`${day}T${time}Z`, { ...(options.language ? { language: options.language } : {}), ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
    return shown === '' ? whole : shown;
  });
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The words of `error` (see the module header). */
export function describeRefusal(error: ApiError, options: RefusalOptions = {}): Refusal {
  const language = options.language ?? 'EN';
  const extra = EXTRA_TEXTS[language];
  const params: Params = { number: extra.unit, ...options.params };
  const field = str(error.details.field);
  let text: RefusalText = isKnownErrorCode(error.code) ? ERROR_TEXTS[language][error.code] : ERROR_TEXTS[language].UNKNOWN;
  let message: string | null = null;

  if (error.code === 'VALIDATION_FAILED' && field !== null && isKnownField(field)) text = FIELD_TEXTS[language][field];
  const until = str(error.details.locked_until);
  if (error.code === 'PIN_LOCKED' && until !== null) {
    const time = formatTime(until, { language, ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
    if (time !== '') message = interpolate(extra.lockedUntil, { time });
  }
  const seconds = error.details.retry_after_seconds;
  if (error.code === 'RATE_LIMITED' && typeof seconds === 'number') message = interpolate(extra.waitSeconds, { seconds });

  const code = `${error.code}${field ? ` (${field})` : ''}`;
  const server = localTimes(error.message.trim(), { language, ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
  return {
    message: message ?? interpolate(text.message, params),
    next: interpolate(text.next, params),
    details: server === '' ? code : `${code}: ${server}`,
  };
}
