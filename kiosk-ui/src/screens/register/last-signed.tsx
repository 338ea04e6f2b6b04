/**
 * The register's note on a returning customer who last signed an older agreement version:
 * "Last signed an older agreement (v1, Nov 3, 2026); they will read v2 today". Shown only
 * when the server says a newer version is active (`last_signed.older`).
 */

import { zonedParts } from '../../i18n/format';
import { dateOf, t } from '../../ui/language';
import type { LastSigned } from '../../wire';

/** The note's sentence, or null when there is nothing to say. Pure apart from the language. */
export function lastSignedLine(last: LastSigned | null | undefined, timeZone: string): string | null {
  if (!last?.older) return null;
  const at = zonedParts(new Date(last.signed_at), timeZone);
  const day = `${at.year}-${String(at.month).padStart(2, '0')}-${String(at.day).padStart(2, '0')}`;
  const signed = { version: last.version, date: dateOf(day) };
  if (last.current_version === null) return t('reg.lastSignedOlderNone', signed);
  const today = last.current_language === last.language ? `v${last.current_version}` : `${last.current_language} v${last.current_version}`;
  return t('reg.lastSignedOlder', { ...signed, current: today });
}

/** The note under the customer card. */
export function LastSignedNote({ last, timeZone }: { last: LastSigned | null | undefined; timeZone: string }) {
  const line = lastSignedLine(last, timeZone);
  return line ? <p class="note warn" data-testid="last-signed-older">{line}</p> : null;
}
