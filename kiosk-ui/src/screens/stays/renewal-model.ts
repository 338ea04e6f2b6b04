/**
 * Renewals in words (issue 14), pure and hook-free so both staff screens and the kiosk use the
 * same sentences: an option's name ("6 hours", "Final 2 hours"), why the server does not allow
 * one now (its code in the screen's language, the server's own sentence only as details), and
 * the renewal a lane session sells ("6 hours on Room 215, checkout 2:15 PM → 8:15 PM").
 */

import type { ApiError } from '../../api';
import type { Translator } from '../../i18n';
import { describeRefusal, type Refusal } from '../../ui/refusal';
import type { Language, RenewalFacts, ResourceType } from '../../wire';
import type { RenewalOption } from '../../wire-stays';

/** The name of a renewal length: the final two hours are named as such. */
export function optionName(t: Translator, option: Pick<RenewalOption, 'hours' | 'block_type'>): string {
  return option.block_type === 'FINAL2H' ? t('renewal.final2h') : t('renewal.hours', { hours: option.hours });
}

/** Why `option` is not allowed now, in words (null when it is): the refusal the start would answer. */
export function optionRefusal(option: RenewalOption, language: Language, timeZone?: string): Refusal | null {
  if (option.allowed) return null;
  const error: ApiError = { status: 409, code: option.code ?? 'UNKNOWN', message: option.message ?? '', details: {} };
  return describeRefusal(error, { language, ...(timeZone ? { timeZone } : {}) });
}

/** The first option the stay allows (what the dialog focuses), or null. */
export function firstAllowed(options: readonly RenewalOption[]): RenewalOption | null {
  return options.find((o) => o.allowed) ?? null;
}

/** "Room 215" / "Locker 012" with the screen's translator. */
export function unitText(t: Translator, kind: ResourceType, number: string): string {
  return t(kind === 'ROOM' ? 'stay.room' : 'stay.locker', { number });
}

/** The renewal a session sells, in one line: hours, unit, the old and the new checkout. */
export function renewalLine(t: Translator, renewal: RenewalFacts, time: (instant: string) => string): string {
  return t('renewal.line', {
    hours: renewal.hours,
    unit: unitText(t, renewal.unit.kind, renewal.unit.number),
    from: time(renewal.starts_at),
    to: time(renewal.ends_at),
  });
}

/** Whether a lane view's session is a renewal. */
export function isRenewal(view: { mode?: string | null }): boolean {
  return view.mode === 'RENEWAL';
}
