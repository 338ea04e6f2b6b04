/**
 * Small shared pieces of every screen: the connection badge, a refusal note (in words, see
 * refusal.ts), a table header, a busy button and the staff screens' language toggle.
 */

import type { ComponentChildren } from 'preact';

import type { ApiError } from '../api';
import type { Params } from '../i18n';
import { EXTRA_TEXTS } from '../i18n/errors';
import type { Language } from '../wire';
import type { ConnectionStatus } from '../ws/connection';
import { currentLanguage, setLanguage, t } from './language';
import { describeRefusal } from './refusal';

/** "Reconnecting…" while the socket is not open; nothing when it is. */
export function ConnectionBadge({ status, label }: { status: ConnectionStatus; label: string }) {
  if (status === 'open') return null;
  return (
    <span class="badge badge-warn" role="status" data-testid="reconnecting">
      {label}
    </span>
  );
}

/** Props of a refusal note. */
export interface ErrorNoteProps {
  error: ApiError | null;
  /** a sentence of the screen's own, after the refusal's */
  hint?: string;
  language?: Language;
  /** the club's zone (a lock's end is shown in it) */
  timeZone?: string;
  /** values for the words' placeholders, e.g. `{number}` */
  params?: Params;
  testId?: string;
}

/** A refusal in words with what to do next; the code only in a small details line for staff. */
export function ErrorNote({ error, hint, language, timeZone, params, testId }: ErrorNoteProps) {
  if (!error) return null;
  language ??= currentLanguage();
  const words = describeRefusal(error, { language, ...(timeZone ? { timeZone } : {}), ...(params ? { params } : {}) });
  return (
    <div class="error-note" role="alert" data-code={error.code} data-testid={testId}>
      <strong>{words.message}</strong>
      <span>
        {words.next}
        {hint ? ` ${hint}` : ''}
      </span>
      <small class="error-details">
        {EXTRA_TEXTS[language].details}: {words.details}
      </small>
    </div>
  );
}

/** The header row of a data table. */
export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th scope="col" key={label}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A button that is disabled and says so while its action runs. */
export function ActionButton(props: {
  onClick: () => void;
  busy?: boolean;
  disabled?: boolean;
  kind?: 'primary' | 'secondary' | 'danger';
  testId?: string;
  children: ComponentChildren;
}) {
  const { onClick, busy = false, disabled = false, kind = 'secondary', testId, children } = props;
  return (
    <button type="button" class={`btn btn-${kind}`} disabled={busy || disabled} aria-busy={busy} data-testid={testId} onClick={onClick}>
      {children}
    </button>
  );
}

/** The staff screens' EN/ES switch: names the other language, in that language. */
export function LanguageToggle() {
  const other: Language = currentLanguage() === 'EN' ? 'ES' : 'EN';
  return (
    <button type="button" class="btn btn-secondary lang-toggle" lang={other.toLowerCase()} data-testid="staff-language" title={t('staff.languageName')} onClick={() => setLanguage(other)}>
      {t('app.languageToggle')}
    </button>
  );
}
