/**
 * The language of a staff screen (register, manager): EN or ES, chosen with a toggle and
 * remembered per screen in localStorage (`frontdesk.language.<screen>`), and always the
 * page's `<html lang>`. `t` reads the current language, so components stay hook-free: the
 * screen's root watches `staffLanguage` and re-renders everything when it changes.
 */

import { formatDate, formatTime, translate, type MessageKey, type Params } from '../i18n';
import { createStore, type Readable } from '../store';
import type { IsoDate, IsoDateTime, Language } from '../wire';

const state = createStore<Language>('EN');
let storageKey: string | null = null;

/** The staff screen's language. */
export const staffLanguage: Readable<Language> = state;

/** The current language of the staff screen (EN until `initLanguage`). */
export function currentLanguage(): Language {
  return state.get();
}

/** Makes `lang` the page's language (`<html lang>`), for screen readers and hyphenation. */
export function setDocumentLanguage(lang: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang.toLowerCase();
}

function storage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // storage refused (privacy mode): the choice lasts for this page only
    return null;
  }
}

/** Reads the language remembered for `screen` and applies it. */
export function initLanguage(screen: string): void {
  storageKey = `frontdesk.language.${screen}`;
  const saved = storage()?.getItem(storageKey);
  state.set(saved === 'ES' ? 'ES' : 'EN');
  setDocumentLanguage(state.get());
}

/** Switches the staff screen to `lang` and remembers it. */
export function setLanguage(lang: Language): void {
  state.set(lang);
  setDocumentLanguage(lang);
  if (storageKey !== null) storage()?.setItem(storageKey, lang);
}

/** The string `key` in the staff screen's language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(state.get(), key, params);
}

/** A time in the club's zone (with the date when not today), in the screen's language. */
export function timeAt(instant: IsoDateTime, timeZone: string): string {
  return formatTime(instant, { timeZone, language: state.get() });
}

/** A calendar date in the screen's language. */
export function dateOf(date: IsoDate): string {
  return formatDate(date, state.get());
}
