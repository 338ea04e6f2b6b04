/**
 * The kiosk's languages: the string tables (`en`, `es`), lookup (`translate`,
 * `createTranslator`) and formatting of money and times.
 */

export { en, type MessageKey, type Messages } from './en';
export { es } from './es';
export { createTranslator, interpolate, LANGUAGES, MESSAGES, translate, type Params, type Translator } from './translate';
export { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatMoney, formatTime, zonedParts, type TimeOptions } from './format';
