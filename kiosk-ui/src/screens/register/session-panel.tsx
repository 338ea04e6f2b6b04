/**
 * The live session at the register: membership, selection (propose for the customer, confirm,
 * waiting list, past-due bypass), the held unit and its swap, the quote with mark-paid and
 * decline, the completion card, and cancel. Every button is a lane command; the result comes
 * back as the next view. Money and destructive actions ask for confirmation in a dialog.
 *
 * The primary actions (confirm, payment, assign, close, cancel) sit in an action bar that
 * sticks to the bottom of the window, so they are on screen at 1280 × 800 however long the
 * panel is. After an action the focus moves to the next step's button when it appears
 * (Propose → Confirm selection → Mark paid; Close when the check-in completes).
 *
 * A RENEWAL session (issue 14: started from the due board's Renew) has no choices: the panel
 * shows "Renewal: 6 hours on Room 215, checkout 2:15 PM → 8:15 PM", the quote and the payment
 * controls; the customer signs on the kiosk; the completion shows the unit's new checkout.
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import { newIdempotencyKey, type ApiError, type ApiResult } from '../../api';
import { formatMoney } from '../../i18n';
import { api } from '../../ui/client';
import { Dialog } from '../../ui/dialog';
import { t, timeAt } from '../../ui/language';
import { ActionButton, ErrorNote } from '../../ui/parts';
import type { PaymentMethod, RegisterSessionView, RegisterView, RentalType } from '../../wire';
import { IDENTITY_NAMES, LANGUAGE_NAMES, METHOD_NAMES, METHODS, PAYMENT_STATUS_NAMES, RENTAL_NAMES, STATUS_NAMES } from './labels';
import { slipHref } from '../slip/slip-model';
import { HoldLine, QuoteTable, RenewalLine, RentalOptions } from './session-parts';
import { parseUnitNumber } from './typed';

/** Props of the panel. */
export interface SessionProps {
  lane: string;
  rev: number;
  view: RegisterView;
  session: RegisterSessionView;
  timeZone: string;
  /** applies the view carried by a STALE_VERSION refusal */
  onStale: (error: ApiError) => void;
}

/** Where the focus goes once an element appears: `testId`, unless the user moved on from `from`. */
interface FocusWish {
  testId: string;
  from: Element | null;
}

/** Moves the focus to the wished element when it is on the page (after each render). */
function useFocusWish(root: { current: HTMLElement | null }) {
  const [wish, setWish] = useState<FocusWish | null>(null);
  useEffect(() => {
    if (!wish) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-testid="${wish.testId}"]`);
    if (!el || el.hasAttribute('disabled')) return;
    const active = document.activeElement;
    const free = active === null || active === document.body || active === wish.from || active.hasAttribute('data-focus-home');
    if (free) el.focus();
    setWish(null);
  });
  return (testId: string, from: Element | null) => setWish({ testId, from });
}

/** The session panel. */
export function SessionPanel({ lane, rev, view, session, timeZone, onStale }: SessionProps) {
  const root = useRef<HTMLElement>(null);
  const focusNext = useFocusWish(root);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'pay' | 'cancel' | null>(null);
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [payKey, setPayKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [swapTo, setSwapTo] = useState('');
  const [swapError, setSwapError] = useState<{ error: ApiError; number: string } | null>(null);
  const [waitFor, setWaitFor] = useState<RentalType | null>(null);
  const [manager, setManager] = useState({ login: '', pin: '' });

  /** what had the focus when the last command started (its button, usually) */
  const trigger = useRef<Element | null>(null);
  /** runs a command; a refusal is shown next to the swap field for a swap, else by the actions */
  const act = async (name: string, call: () => Promise<ApiResult<unknown>>) => {
    trigger.current = document.activeElement;
    setBusy(name);
    setError(null);
    setSwapError(null);
    const answer = await call();
    setBusy(null);
    if (!answer.ok) {
      if (name === 'swap') setSwapError({ error: answer.error, number: parseUnitNumber(swapTo) });
      else setError(answer.error);
      onStale(answer.error);
      return false;
    }
    return true;
  };
  const then = (ok: boolean, testId: string) => ok && focusNext(testId, trigger.current);

  const s = session;
  const renewal = s.mode === 'RENEWAL';
  const live = !['COMPLETED', 'CANCELLED', 'IDLE'].includes(s.status);
  const choosing = !renewal && (s.status === 'ACTIVE' || s.status === 'AWAITING_CUSTOMER');
  const km = view.kiosk.membership;
  const needsMembership = km !== null && km.state !== 'MEMBER' && km.choice === null;
  const canConfirm = choosing && s.proposed_rental_type !== null && !s.selection_confirmed;

  return (
    <section ref={root} class="panel session" aria-labelledby="session-title" data-testid="session-panel" data-status={s.status}>
      <header class="session-head">
        <h2 id="session-title" title={s.customer?.name} tabIndex={-1} data-focus-home>
          {s.customer?.name ?? t('reg.customer')}
        </h2>
        <span class={`status status-${s.status}`} data-testid="session-status" role="status">
          {STATUS_NAMES[s.status]}
        </span>
        {renewal ? (
          <span class="status" data-testid="session-mode">
            {t('renewal.badge')}
          </span>
        ) : null}
        <span class="meta">
          {s.language ? LANGUAGE_NAMES[s.language] : t('reg.noLanguageYet')}
          {s.identity_method ? ` · ${IDENTITY_NAMES[s.identity_method]}` : ''}
        </span>
      </header>

      {choosing && needsMembership ? (
        <div class="row" role="group" aria-labelledby="membership-label">
          <span id="membership-label">{t('reg.membership')}</span>
          <ActionButton testId="membership-ONE_TIME" busy={busy === 'm1'} onClick={() => void act('m1', () => api.membership(lane, 'ONE_TIME', { expectedRev: rev }))}>
            {t('reg.oneTime')}
          </ActionButton>
          <ActionButton testId="membership-SIX_MONTH" busy={busy === 'm6'} onClick={() => void act('m6', () => api.membership(lane, 'SIX_MONTH', { expectedRev: rev }))}>
            {t('reg.sixMonth')}
          </ActionButton>
        </div>
      ) : null}
      {s.membership_choice ? <p class="meta">{t('reg.membershipChoice', { choice: t(s.membership_choice === 'ONE_TIME' ? 'reg.oneTime' : 'reg.sixMonth') })}</p> : null}

      {choosing ? (
        <RentalOptions
          options={view.options}
          proposed={s.proposed_rental_type}
          busy={busy}
          onPropose={(rental) => void act(`p-${rental}`, () => api.propose(lane, rental)).then((ok) => then(ok, 'confirm-selection'))}
          onWaitlist={setWaitFor}
          onPointOut={(rental) => void api.highlight(lane, rental)}
        />
      ) : null}
      {choosing && waitFor ? (
        <div class="row" role="group" aria-labelledby="waitlist-label">
          <span id="waitlist-label">{t('reg.waitlistBackup', { rental: RENTAL_NAMES[waitFor] })}</span>
          {view.options
            .filter((o) => o.available > 0 && o.rental_type !== waitFor)
            .map((o) => (
              <ActionButton key={o.rental_type} onClick={() => void act('wl', () => api.waitlist(lane, waitFor, o.rental_type)).then(() => setWaitFor(null))}>
                {RENTAL_NAMES[o.rental_type]}
              </ActionButton>
            ))}
        </div>
      ) : null}
      {s.renewal ? <RenewalLine renewal={s.renewal} timeZone={timeZone} /> : null}
      {s.proposed_rental_type && !renewal ? (
        <p class="row">
          {t('reg.proposed')} <strong>{RENTAL_NAMES[s.proposed_rental_type]}</strong> {t(s.proposed_by === 'EMPLOYEE' ? 'reg.byYou' : 'reg.byCustomer')}
          {s.selection_confirmed ? ` · ${t('reg.confirmed')}` : ''}
          {s.waitlist_desired_type ? ` · ${t('reg.waitlistedFor', { rental: RENTAL_NAMES[s.waitlist_desired_type] })}` : ''}
        </p>
      ) : null}

      {s.past_due_blocked ? (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void act('bypass', () => api.pastDueBypass(lane, manager.login, manager.pin)).then(() => setManager({ login: '', pin: '' }));
          }}
        >
          <span class="warn">{t('reg.pastDueBypass')}</span>
          <input aria-label={t('reg.managerLogin')} placeholder={t('reg.managerLogin')} value={manager.login} onInput={(e) => setManager({ ...manager, login: e.currentTarget.value })} />
          <input type="password" inputMode="numeric" aria-label={t('reg.managerPin')} placeholder={t('reg.managerPin')} value={manager.pin} onInput={(e) => setManager({ ...manager, pin: e.currentTarget.value })} />
          <button type="submit" class="btn btn-secondary">
            {t('reg.allow')}
          </button>
        </form>
      ) : null}

      <HoldLine
        session={s}
        canSwap={live && s.status !== 'AWAITING_ASSIGNMENT'}
        swapTo={swapTo}
        busy={busy === 'swap'}
        swapError={swapError}
        timeZone={timeZone}
        onSwapInput={(value) => {
          setSwapTo(value);
          setSwapError(null);
        }}
        onSwap={() => void act('swap', () => api.swapHold(lane, parseUnitNumber(swapTo, s.held?.number ?? null), { expectedRev: rev })).then((ok) => ok && setSwapTo(''))}
      />

      <QuoteTable session={s} />
      {s.payment ? (
        <p class="meta">
          {PAYMENT_STATUS_NAMES[s.payment.status]}
          {s.payment.method ? ` (${METHOD_NAMES[s.payment.method]})` : ''}
          {s.payment.last_decline_reason ? <span class="warn"> · {t('reg.lastDecline', { reason: s.payment.last_decline_reason })}</span> : null}
        </p>
      ) : null}

      {s.status === 'AWAITING_SIGNATURE' ? <p class="lead">{t('reg.waitingSignature')}</p> : null}
      {s.status === 'AWAITING_ASSIGNMENT' ? <p class="warn">{t('reg.unitLost')}</p> : null}
      {s.status === 'COMPLETED' && s.assigned && renewal ? (
        <div class="completion" data-testid="completion">
          <p class="big-number" data-testid="renewed">
            {t('renewal.renewed', {
              unit: t(s.assigned.kind === 'ROOM' ? 'stay.room' : 'stay.locker', { number: s.assigned.number }),
              time: s.assigned.checkout_at ? timeAt(s.assigned.checkout_at, timeZone) : '',
            })}
          </p>
        </div>
      ) : null}
      {s.status === 'COMPLETED' && s.assigned && !renewal ? (
        <div class="completion" data-testid="completion">
          <p class="big-number">
            {t(s.assigned.kind === 'ROOM' ? 'staff.room' : 'staff.locker')} <strong data-testid="completed-number">{s.assigned.number}</strong>
          </p>
          {s.assigned.checkout_at ? <p>{t('reg.checkout', { time: timeAt(s.assigned.checkout_at, timeZone) })}</p> : null}
          {s.assigned.block_id ? (
            // a new tab of this origin: the staff cookie goes with it, and the register stays live
            <a class="btn btn-secondary" href={slipHref(s.assigned.block_id, { print: true })} target="_blank" rel="noopener" data-testid="print-slip">
              {t('slip.print')}
            </a>
          ) : null}
        </div>
      ) : null}

      <div class="session-actions" role="group" aria-label={t('reg.actions')} data-testid="session-actions">
        <ErrorNote error={error} timeZone={timeZone} testId="session-error" />
        <div class="row">
          {canConfirm ? (
            <ActionButton kind="primary" testId="confirm-selection" busy={busy === 'confirm'} onClick={() => void act('confirm', () => api.confirm(lane, { expectedRev: rev })).then((ok) => then(ok, 'mark-paid'))}>
              {t('reg.confirmSelection')}
            </ActionButton>
          ) : null}
          {s.status === 'AWAITING_PAYMENT' && s.quote ? (
            <>
              <select aria-label={t('reg.paymentMethod')} value={method} data-testid="payment-method" onChange={(e) => setMethod(e.currentTarget.value as PaymentMethod)}>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {METHOD_NAMES[m]}
                  </option>
                ))}
              </select>
              <ActionButton kind="primary" testId="mark-paid" onClick={() => setConfirming('pay')}>
                {t('reg.markPaid')}
              </ActionButton>
              <ActionButton testId="card-declined" onClick={() => void act('decline', () => api.decline(lane, 'declined at the counter'))}>
                {t('reg.cardDeclined')}
              </ActionButton>
            </>
          ) : null}
          {s.status === 'AWAITING_ASSIGNMENT' ? (
            <ActionButton kind="primary" testId="assign-next" busy={busy === 'assign'} onClick={() => void act('assign', () => api.assign(lane))}>
              {t('reg.assignNext')}
            </ActionButton>
          ) : null}
          {s.status === 'COMPLETED' || s.status === 'CANCELLED' ? (
            <ActionButton kind="primary" testId="close-session" busy={busy === 'close'} onClick={() => void act('close', () => api.close(lane))}>
              {t(s.status === 'COMPLETED' ? 'reg.close' : 'reg.clearLane')}
            </ActionButton>
          ) : null}
          {live ? (
            <ActionButton kind="danger" testId="cancel-session" onClick={() => setConfirming('cancel')}>
              {t('reg.cancel')}
            </ActionButton>
          ) : null}
        </div>
      </div>

      {confirming === 'pay' && s.status === 'AWAITING_PAYMENT' && s.quote ? (
        <Dialog label={t('reg.confirmPayment')} testId="pay-dialog" onClose={() => setConfirming(null)}>
          <p>{t('reg.markAsPaid', { amount: formatMoney(s.quote.total_cents), method: METHOD_NAMES[method] })}</p>
          <div class="row">
            <ActionButton
              kind="primary"
              testId="confirm-paid"
              busy={busy === 'pay'}
              onClick={() =>
                void act('pay', () => api.markPaid(lane, { method }, { idempotencyKey: payKey })).then((ok) => {
                  setConfirming(null);
                  if (ok) setPayKey(newIdempotencyKey());
                  then(ok, 'close-session');
                })
              }
            >
              {t('reg.yesPaid')}
            </ActionButton>
            <ActionButton testId="not-yet" onClick={() => setConfirming(null)}>
              {t('reg.notYet')}
            </ActionButton>
          </div>
        </Dialog>
      ) : null}
      {confirming === 'cancel' && live ? (
        <Dialog label={t('reg.cancelSession')} testId="cancel-dialog" onClose={() => setConfirming(null)}>
          <form
            class="dialog-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act('cancel', () => api.cancel(lane, reason.trim() || 'cancelled at the register', { expectedRev: rev })).then(() => setConfirming(null));
            }}
          >
            <p>{t(s.payment?.status === 'PAID' ? 'reg.cancelPaid' : 'reg.cancelAsk')}</p>
            <label>
              {t('reg.reason')}
              <input value={reason} data-testid="cancel-reason" onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            <div class="row">
              <button type="submit" class="btn btn-danger" data-testid="confirm-cancel">
                {t(renewal ? 'renewal.cancel' : 'reg.cancelCheckIn')}
              </button>
              <ActionButton testId="keep-session" onClick={() => setConfirming(null)}>
                {t('reg.keepIt')}
              </ActionButton>
            </div>
          </form>
        </Dialog>
      ) : null}
    </section>
  );
}
