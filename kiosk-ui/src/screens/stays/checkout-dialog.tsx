/**
 * The checkout confirmation (two taps: the stay's Check out, then one button here): the unit,
 * the customer, minutes late, the fee and the ban warning. With a fee: "Fee paid (cash)",
 * "Fee paid (card)" or "Add to balance"; without: "Check out". The fee shown is sent back as
 * `expected_late_fee_cents`: if it changed meanwhile (LATE_FEE_CHANGED) the dialog shows the
 * new one and asks again; ALREADY_CHECKED_OUT is said in words.
 */

import { useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { formatMoney } from '../../i18n';
import { api } from '../../ui/client';
import { Dialog } from '../../ui/dialog';
import { t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import type { PaymentMethod } from '../../wire';
import type { CheckoutBody, CheckoutDone, OpenStay, Settlement } from '../../wire-stays';
import { duration, feeOfRefusal } from './stays-model';

/** "Room 214" / "Locker 012". */
export function unitName(kind: OpenStay['kind'], number: string): string {
  return t(kind === 'ROOM' ? 'stay.room' : 'stay.locker', { number });
}

/** Props of the dialog. */
export interface CheckoutDialogProps {
  stay: OpenStay;
  timeZone: string;
  onClose: () => void;
  onDone: (done: CheckoutDone) => void;
}

/** The dialog (see the module header). */
export function CheckoutDialog({ stay, timeZone, onClose, onDone }: CheckoutDialogProps) {
  const [fee, setFee] = useState({ minutes: stay.minutes_late, cents: stay.late_fee_cents, ban: stay.late_ban });
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [finished, setFinished] = useState(false);

  const send = async (settlement?: Settlement, method?: PaymentMethod) => {
    setBusy(true);
    setError(null);
    const body: CheckoutBody = { expected_late_fee_cents: fee.cents, ...(settlement ? { late_fee: settlement } : {}), ...(method ? { method } : {}) };
    const answer = await api.checkout(stay.visit_id, body);
    setBusy(false);
    if (answer.ok) return onDone(answer.value);
    const e = answer.error;
    // the fee moved on (or a decision is needed): show the new one and ask again
    const now = feeOfRefusal(e);
    if (now) {
      setFee(now);
      setChanged(true);
      return;
    }
    if (e.code === 'ALREADY_CHECKED_OUT') setFinished(true);
    setError(e);
  };

  const label = t('stay.checkoutOf', { unit: unitName(stay.kind, stay.number), name: stay.customer_name });
  return (
    <Dialog label={label} onClose={onClose} testId="checkout-dialog">
      <h2>{label}</h2>
      <dl class="facts">
        <dt>{t('stay.dueAt')}</dt>
        <dd>{timeAt(stay.checkout_at, timeZone)}</dd>
        <dt>{t('stay.minutesLate')}</dt>
        <dd data-testid="checkout-late">{fee.minutes > 0 ? duration(fee.minutes) : t('stay.onTime')}</dd>
        <dt>{t('stay.lateFee')}</dt>
        <dd data-testid="checkout-fee">{fee.cents > 0 ? formatMoney(fee.cents) : t('stay.noFee')}</dd>
      </dl>
      {changed ? (
        <p class="warn" role="alert" data-testid="checkout-fee-changed">
          {t('stay.feeChanged', { fee: formatMoney(fee.cents) })}
        </p>
      ) : null}
      {fee.ban ? (
        <p class="warn" data-testid="checkout-ban">
          {t('stay.banWarning')}
        </p>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} testId="checkout-error" />
      <div class="dialog-actions">
        {finished ? null : fee.cents > 0 ? (
          <>
            <button type="button" class="btn btn-primary" disabled={busy} data-testid="checkout-paid-cash" onClick={() => void send('PAID', 'CASH')}>
              {t('stay.feePaidCash')}
            </button>
            <button type="button" class="btn btn-primary" disabled={busy} data-testid="checkout-paid-card" onClick={() => void send('PAID', 'CARD')}>
              {t('stay.feePaidCard')}
            </button>
            <button type="button" class="btn btn-secondary" disabled={busy} data-testid="checkout-balance" onClick={() => void send('PAST_DUE')}>
              {t('stay.addToBalance')}
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-primary" disabled={busy} data-testid="checkout-confirm" onClick={() => void send()}>
            {t('stay.checkOut')}
          </button>
        )}
        <button type="button" class="btn btn-secondary" data-testid="checkout-cancel" onClick={onClose}>
          {finished ? t('stay.close') : t('stay.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
