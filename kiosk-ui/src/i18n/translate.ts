/**
 * Looking up a kiosk string in a language and filling its `{parameters}`.
 */

import type { Language } from '../wire';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';

/** Every language's table. */
export const MESSAGES: { readonly [L in Language]: Messages } = { EN: en, ES: es };

/** Every language the kiosk ships. */
export const LANGUAGES: readonly Language[] = ['EN', 'ES'];

/** Values for a string's `{parameters}`. */
export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The string `key` in `language`, filled with `params`. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  return interpolate(MESSAGES[language][key], params);
}

/** A translator bound to one language. */
export type Translator = (key: MessageKey, params?: Params) => string;

/** `translate` bound to `language`. */
export function createTranslator(language: Language): Translator {
  return (key, params) => translate(language, key, params);
}
