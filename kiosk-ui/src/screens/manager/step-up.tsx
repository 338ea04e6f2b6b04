/**
 * A confirmation that needs the manager's PIN again (the server's step-up): the question, any
 * extra fields (`children`), "Your PIN", Confirm and Cancel. Confirm re-enters the PIN, then
 * runs the action; a refusal of either is shown in words right here.
 */

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import type { ApiError, ApiResult } from '../../api';
import { api } from '../../ui/client';
import { t } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';

export interface StepUpProps {
  /** what is about to happen, as a question */
  question: string;
  confirmLabel: string;
  /** the action, run after a successful step-up */
  action: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  /** a refusal of the action the caller shows itself (e.g. at a field): return true */
  onRefused?: (error: ApiError) => boolean;
  /** extra fields may block Confirm */
  ready?: boolean;
  timeZone: string;
  testId: string;
  children?: ComponentChildren;
}

/** The PIN-confirmed action form. */
export function StepUpConfirm({ question, confirmLabel, action, onDone, onCancel, onRefused, ready = true, timeZone, testId, children }: StepUpProps) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const up = await api.stepUp(pin);
    setPin('');
    if (!up.ok) {
      setBusy(false);
      return setError(up.error);
    }
    const done = await action();
    setBusy(false);
    if (done.ok) onDone();
    else if (!onRefused?.(done.error)) setError(done.error);
  };
  return (
    <form class="confirm-box" data-testid={testId} aria-label={question} onSubmit={(e) => {
      e.preventDefault();
      void confirm();
    }}>
      <p><strong>{question}</strong></p>
      {children}
      <label>
        {t('mgr.yourPin')}
        <input type="password" inputMode="numeric" autoComplete="off" maxLength={6} value={pin} data-testid={`${testId}-pin`} onInput={(e) => setPin(e.currentTarget.value)} />
      </label>
      <button type="submit" class="btn btn-danger" data-testid={`${testId}-confirm`} disabled={busy || !ready || !/^\d{6}$/.test(pin)}>
        {confirmLabel}
      </button>
      <button type="button" class="btn btn-secondary" onClick={onCancel}>{t('man.cancel')}</button>
      <ErrorNote error={error} timeZone={timeZone} testId={`${testId}-error`} />
    </form>
  );
}
