/**
 * The live session at the register: membership, selection (propose for the customer, confirm,
 * waiting list, past-due bypass), the held unit and its swap, the quote with mark-paid and
 * decline, the completion card, and cancel. Every button is a lane command; the result comes
 * back as the next view. Money and destructive actions ask for confirmation first.
 */

import { useState } from 'preact/hooks';

import { newIdempotencyKey, type ApiError, type ApiResult } from '../../api';
import { formatMoney, formatTime } from '../../i18n';
import { api } from '../../ui/client';
import { ActionButton, ErrorNote } from '../../ui/parts';
import type { PaymentMethod, RegisterSessionView, RegisterView, RentalType } from '../../wire';
import { CustomerCard } from './customer-card';
import { parseUnitNumber } from './typed';
import { IDENTITY_NAMES, LANGUAGE_NAMES, METHOD_NAMES, METHODS, PAYMENT_STATUS_NAMES, RENTAL_NAMES, STATUS_NAMES } from './labels';

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

/** The session panel. */
export function SessionPanel({ lane, rev, view, session, timeZone, onStale }: SessionProps) {
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

  /** runs a command; a refusal is shown next to the swap field for a swap, else at the bottom */
  const act = async (name: string, call: () => Promise<ApiResult<unknown>>) => {
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

  const s = session;
  const live = !['COMPLETED', 'CANCELLED', 'IDLE'].includes(s.status);
  const choosing = s.status === 'ACTIVE' || s.status === 'AWAITING_CUSTOMER';
  const km = view.kiosk.membership;
  const needsMembership = km !== null && km.state !== 'MEMBER' && km.choice === null;

  return (
    <section class="panel session" data-testid="session-panel" data-status={s.status}>
      <header class="session-head">
        <h2 title={s.customer?.name}>{s.customer?.name ?? 'Customer'}</h2>
        <span class={`status status-${s.status}`} data-testid="session-status">
          {STATUS_NAMES[s.status]}
        </span>
        <span class="meta">
          {s.language ? LANGUAGE_NAMES[s.language] : 'language not chosen yet'}
          {s.identity_method ? ` · ${IDENTITY_NAMES[s.identity_method]}` : ''}
        </span>
      </header>
      {s.customer ? <CustomerCard customer={s.customer} timeZone={timeZone} /> : null}

      {choosing && needsMembership ? (
        <div class="row">
          <span>Membership:</span>
          <ActionButton busy={busy === 'm1'} onClick={() => void act('m1', () => api.membership(lane, 'ONE_TIME', { expectedRev: rev }))}>
            One-time visit
          </ActionButton>
          <ActionButton busy={busy === 'm6'} onClick={() => void act('m6', () => api.membership(lane, 'SIX_MONTH', { expectedRev: rev }))}>
            Six-month
          </ActionButton>
        </div>
      ) : null}
      {s.membership_choice ? <p class="meta">Membership choice: {s.membership_choice === 'ONE_TIME' ? 'one-time visit' : 'six-month'}</p> : null}

      {choosing ? (
        <div class="options-grid">
          {view.options.map((o) => (
            <div key={o.rental_type} class={`option ${s.proposed_rental_type === o.rental_type ? 'selected' : ''}`}>
              <strong>{RENTAL_NAMES[o.rental_type]}</strong>
              <span>{formatMoney(o.price_cents)}</span>
              <span class={o.available > 0 ? '' : 'warn'}>{o.available > 0 ? `${o.available} left` : 'sold out'}</span>
              {o.available > 0 ? (
                <ActionButton testId={`propose-${o.rental_type}`} busy={busy === `p-${o.rental_type}`} onClick={() => void act(`p-${o.rental_type}`, () => api.propose(lane, o.rental_type))}>
                  Propose
                </ActionButton>
              ) : (
                <ActionButton onClick={() => setWaitFor(o.rental_type)}>Waitlist…</ActionButton>
              )}
              <button type="button" class="btn btn-link" onClick={() => void api.highlight(lane, o.rental_type)}>
                Point out
              </button>
            </div>
          ))}
        </div>
      ) : null}
      {choosing && waitFor ? (
        <div class="row">
          <span>Waitlist for {RENTAL_NAMES[waitFor]}; backup:</span>
          {view.options
            .filter((o) => o.available > 0 && o.rental_type !== waitFor)
            .map((o) => (
              <ActionButton key={o.rental_type} onClick={() => void act('wl', () => api.waitlist(lane, waitFor, o.rental_type)).then(() => setWaitFor(null))}>
                {RENTAL_NAMES[o.rental_type]}
              </ActionButton>
            ))}
        </div>
      ) : null}
      {s.proposed_rental_type ? (
        <p class="row">
          Proposed: <strong>{RENTAL_NAMES[s.proposed_rental_type]}</strong> by {s.proposed_by === 'EMPLOYEE' ? 'you' : 'the customer'}
          {s.selection_confirmed ? ' · confirmed' : ''}
          {s.waitlist_desired_type ? ` · waitlisted for ${RENTAL_NAMES[s.waitlist_desired_type]}` : ''}
          {choosing && !s.selection_confirmed ? (
            <ActionButton kind="primary" testId="confirm-selection" busy={busy === 'confirm'} onClick={() => void act('confirm', () => api.confirm(lane, { expectedRev: rev }))}>
              Confirm selection
            </ActionButton>
          ) : null}
        </p>
      ) : null}

      {s.past_due_blocked ? (
        <form class="row" onSubmit={(e) => {
          e.preventDefault();
          void act('bypass', () => api.pastDueBypass(lane, manager.login, manager.pin)).then(() => setManager({ login: '', pin: '' }));
        }}>
          <span class="warn">Past due: a manager may allow this visit.</span>
          <input placeholder="Manager login" value={manager.login} onInput={(e) => setManager({ ...manager, login: e.currentTarget.value })} />
          <input type="password" inputMode="numeric" placeholder="Manager PIN" value={manager.pin} onInput={(e) => setManager({ ...manager, pin: e.currentTarget.value })} />
          <button type="submit" class="btn btn-secondary">Allow</button>
        </form>
      ) : null}

      {s.held ? (
        <div class="row">
          <span>
            Holding {s.held.kind === 'ROOM' ? 'room' : 'locker'} <strong data-testid="held-number">{s.held.number}</strong>
          </span>
          {live && s.status !== 'AWAITING_ASSIGNMENT' ? (
            <form class="inline" onSubmit={(e) => {
              e.preventDefault();
              void act('swap', () => api.swapHold(lane, parseUnitNumber(swapTo, s.held?.number ?? null), { expectedRev: rev })).then((ok) => ok && setSwapTo(''));
            }}>
              <input placeholder="Other number" aria-label="Swap to number" value={swapTo} size={6} maxLength={20} data-testid="swap-number" onInput={(e) => {
                setSwapTo(e.currentTarget.value);
                setSwapError(null);
              }} />
              <button type="submit" class="btn btn-secondary" data-testid="swap-submit" disabled={swapTo.trim() === '' || busy === 'swap'}>Swap</button>
            </form>
          ) : null}
          {swapError ? <ErrorNote error={swapError.error} timeZone={timeZone} params={{ number: swapError.number }} testId="swap-error" /> : null}
        </div>
      ) : null}

      {s.quote ? (
        <table class="quote small">
          <tbody>
            {s.quote.line_items.map((l, i) => (
              <tr key={i}>
                <td>{l.description}</td>
                <td class="money">{formatMoney(l.amount_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="money" data-testid="register-total">{formatMoney(s.quote.total_cents)}</td>
            </tr>
          </tfoot>
        </table>
      ) : null}
      {s.payment ? (
        <p class="meta">
          {PAYMENT_STATUS_NAMES[s.payment.status]}
          {s.payment.method ? ` (${METHOD_NAMES[s.payment.method]})` : ''}
          {s.payment.last_decline_reason ? <span class="warn"> · last decline: {s.payment.last_decline_reason}</span> : null}
        </p>
      ) : null}

      {s.status === 'AWAITING_PAYMENT' && s.quote ? (
        confirming === 'pay' ? (
          <div class="confirm-box" role="dialog" aria-label="Confirm payment">
            <p>
              Mark {formatMoney(s.quote.total_cents)} as paid by {METHOD_NAMES[method].toLowerCase()}?
            </p>
            <ActionButton kind="primary" testId="confirm-paid" busy={busy === 'pay'} onClick={() => void act('pay', () => api.markPaid(lane, { method }, { idempotencyKey: payKey })).then((ok) => {
              setConfirming(null);
              if (ok) setPayKey(newIdempotencyKey());
            })}>
              Yes, paid
            </ActionButton>
            <ActionButton onClick={() => setConfirming(null)}>Not yet</ActionButton>
          </div>
        ) : (
          <div class="row">
            <select aria-label="Payment method" value={method} onChange={(e) => setMethod(e.currentTarget.value as PaymentMethod)}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {METHOD_NAMES[m]}
                </option>
              ))}
            </select>
            <ActionButton kind="primary" testId="mark-paid" onClick={() => setConfirming('pay')}>
              Mark paid…
            </ActionButton>
            <ActionButton onClick={() => void act('decline', () => api.decline(lane, 'declined at the counter'))}>Card declined</ActionButton>
          </div>
        )
      ) : null}

      {s.status === 'AWAITING_SIGNATURE' ? <p class="lead">Waiting for the customer to sign.</p> : null}
      {s.status === 'AWAITING_ASSIGNMENT' ? (
        <div class="row">
          <span class="warn">The held unit was lost; assign one.</span>
          <ActionButton kind="primary" busy={busy === 'assign'} onClick={() => void act('assign', () => api.assign(lane))}>
            Assign next free
          </ActionButton>
        </div>
      ) : null}
      {s.status === 'COMPLETED' && s.assigned ? (
        <div class="completion" data-testid="completion">
          <p class="big-number">
            {s.assigned.kind === 'ROOM' ? 'Room' : 'Locker'} <strong data-testid="completed-number">{s.assigned.number}</strong>
          </p>
          {s.assigned.checkout_at ? <p>Checkout {formatTime(s.assigned.checkout_at, { timeZone })}</p> : null}
          <ActionButton kind="primary" testId="close-session" busy={busy === 'close'} onClick={() => void act('close', () => api.close(lane))}>
            Close
          </ActionButton>
        </div>
      ) : null}
      {s.status === 'CANCELLED' ? (
        <ActionButton kind="primary" testId="close-session" onClick={() => void act('close', () => api.close(lane))}>
          Clear the lane
        </ActionButton>
      ) : null}

      {live ? (
        confirming === 'cancel' ? (
          <form class="confirm-box" role="dialog" aria-label="Cancel the session" onSubmit={(e) => {
            e.preventDefault();
            void act('cancel', () => api.cancel(lane, reason.trim() || 'cancelled at the register', { expectedRev: rev })).then(() => setConfirming(null));
          }}>
            <p>{s.payment?.status === 'PAID' ? 'This session is paid: cancelling records a refund due (manager step-up needed).' : 'Cancel this check-in?'}</p>
            <input placeholder="Reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            <button type="submit" class="btn btn-danger">Cancel check-in</button>
            <ActionButton onClick={() => setConfirming(null)}>Keep it</ActionButton>
          </form>
        ) : (
          <ActionButton kind="danger" onClick={() => setConfirming('cancel')}>
            Cancel…
          </ActionButton>
        )
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} testId="session-error" />
    </section>
  );
}
