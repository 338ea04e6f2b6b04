/**
 * The renewal dialog of the register (issue 14): a stay's Renew on the due board opens it; it
 * reads `GET /api/stays/{visit}/renewals` and lists both lengths (6 hours, the final 2 hours)
 * with the new checkout in the club's zone and the price. The ones the stay allows are buttons;
 * the others are greyed with why not, in words (the same judgement the start uses, so nothing
 * offered is refused for that reason). Choosing one starts the renewal at this register's lane
 * (`POST /api/lanes/{lane}/renewals`); the dialog closes and the session panel takes over the
 * payment. A refused start (the lane busy, the window closed meanwhile) is shown in words with
 * what to do next, and the options are read again.
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { formatMoney } from '../../i18n';
import { api } from '../../ui/client';
import { Dialog } from '../../ui/dialog';
import { useLoaded } from '../../ui/hooks';
import { currentLanguage, t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import type { OpenStay, RenewalOption } from '../../wire-stays';
import { RENTAL_NAMES } from '../register/labels';
import { firstAllowed, optionName, optionRefusal, unitText } from './renewal-model';

/** Props of the dialog. */
export interface RenewalDialogProps {
  stay: OpenStay;
  /** the register's lane: the renewal session opens there */
  lane: string;
  timeZone: string;
  onClose: () => void;
  /** the renewal session started (its payment is the session panel's) */
  onStarted: (hours: number) => void;
}

/** One option: a button when allowed, else greyed with the reason. */
function OptionRow({ option, timeZone, busy, onPick }: { option: RenewalOption; timeZone: string; busy: boolean; onPick: () => void }) {
  const name = optionName(t, option);
  const checkout = t('renewal.newCheckout', { time: timeAt(option.ends_at, timeZone) });
  const price = formatMoney(option.quote.total_cents);
  const refusal = optionRefusal(option, currentLanguage(), timeZone);
  return (
    <li class={`renewal-option ${option.allowed ? '' : 'refused'}`} data-testid={`renewal-option-${option.hours}`} data-allowed={String(option.allowed)}>
      <div class="renewal-option-text">
        <strong>{name}</strong> · <span data-testid="renewal-checkout">{checkout}</span> · <span data-testid="renewal-price">{price}</span>
      </div>
      {refusal ? (
        <p class="note" data-testid="renewal-reason">
          <strong>{t('renewal.notNow')}</strong> {refusal.message} {refusal.next}
          <small class="error-details">
            {' '}
            ({refusal.details})
          </small>
        </p>
      ) : (
        <button
          type="button"
          class="btn btn-primary"
          data-testid={`renew-${option.hours}`}
          aria-label={t('renewal.chooseLong', { name, checkout, price })}
          disabled={busy}
          aria-busy={busy}
          onClick={onPick}
        >
          {t('renewal.choose', { name, price })}
        </button>
      )}
    </li>
  );
}

/** The dialog (see the module header). */
export function RenewalDialog({ stay, lane, timeZone, onClose, onStarted }: RenewalDialogProps) {
  const [reloads, setReloads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { value: renewals, error: loadError } = useLoaded(() => api.renewals(stay.visit_id), [stay.visit_id, reloads]);
  const list = useRef<HTMLUListElement>(null);
  // the dialog opened on Close (nothing loaded yet): once loaded, the first allowed renewal
  // takes the focus, unless the employee moved it meanwhile
  useEffect(() => {
    const first = renewals ? firstAllowed(renewals.options) : null;
    if (!first) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.dataset.testid !== 'renewal-cancel' && active.getAttribute('role') !== 'dialog') return;
    list.current?.querySelector<HTMLElement>(`[data-testid="renew-${first.hours}"]`)?.focus();
  }, [renewals]);

  const start = async (hours: number) => {
    setBusy(true);
    setError(null);
    const answer = await api.startRenewal(lane, { visit_id: stay.visit_id, hours });
    setBusy(false);
    if (answer.ok) return onStarted(hours);
    setError(answer.error);
    // the stay's options may have changed (window closed, checked out): read them again
    setReloads((n) => n + 1);
  };

  const unit = unitText(t, stay.kind, stay.number);
  const label = t('renewal.of', { unit, name: stay.customer_name });
  const options = renewals?.options ?? [];
  const none = renewals !== null && !options.some((o) => o.allowed);
  return (
    <Dialog label={label} onClose={onClose} testId="renewal-dialog">
      <h2>{label}</h2>
      {renewals ? (
        <dl class="facts">
          <dt>{t('renewal.rental')}</dt>
          <dd>{RENTAL_NAMES[renewals.rental_type]}</dd>
          <dt>{t('stay.dueAt')}</dt>
          <dd data-testid="renewal-current">{timeAt(renewals.checkout_at, timeZone)}</dd>
          <dt>{t('renewal.bought')}</dt>
          <dd>{t('renewal.boughtHours', { hours: renewals.hours_purchased, left: renewals.hours_left })}</dd>
        </dl>
      ) : loadError ? null : (
        <p class="note">{t('renewal.loading')}</p>
      )}
      {options.length > 0 ? (
        <ul ref={list} class="renewal-options" aria-label={t('renewal.options')}>
          {options.map((o) => (
            <OptionRow key={o.hours} option={o} timeZone={timeZone} busy={busy} onPick={() => void start(o.hours)} />
          ))}
        </ul>
      ) : null}
      {none ? (
        <p class="warn" data-testid="renewal-none">
          {t('renewal.none')}
        </p>
      ) : null}
      <ErrorNote error={error ?? loadError} timeZone={timeZone} testId="renewal-error" />
      <div class="dialog-actions">
        <button type="button" class="btn btn-secondary" data-testid="renewal-cancel" onClick={onClose}>
          {t('stay.close')}
        </button>
      </div>
    </Dialog>
  );
}
