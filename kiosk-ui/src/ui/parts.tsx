/**
 * Small shared pieces of every screen: the connection badge, a refusal note, a table header
 * and a busy button.
 */

import type { ComponentChildren } from 'preact';

import type { ApiError } from '../api';
import type { ConnectionStatus } from '../ws/connection';

/** "Reconnecting…" while the socket is not open; nothing when it is. */
export function ConnectionBadge({ status, label }: { status: ConnectionStatus; label: string }) {
  if (status === 'open') return null;
  return (
    <span class="badge badge-warn" role="status" data-testid="reconnecting">
      {label}
    </span>
  );
}

/** The server's refusal, for staff: its message and its code. */
export function ErrorNote({ error, hint }: { error: ApiError | null; hint?: string }) {
  if (!error) return null;
  return (
    <div class="error-note" role="alert" data-code={error.code}>
      <strong>{error.message}</strong>
      {hint ? <span> {hint}</span> : null}
      <code class="error-code">{error.code}</code>
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
