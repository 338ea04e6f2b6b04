/**
 * The register's due board: every open stay, overdue first, then soonest due, with a live
 * countdown (checkout time in the club's zone, with the date when not today), "overdue" and
 * "due in 30 min" flags and the late fee so far. It reloads on each `inventory.changed` push
 * (a stay starts or ends, a unit changes) — never by polling; a local 30 s tick only redraws
 * the countdowns. Checkout in two taps: a stay's "Check out" (or a number typed, or an
 * occupied unit on the inventory board) → the confirm dialog. At a register, each stay's
 * "Renew" opens the renewal dialog (renewal-dialog.tsx); the renewal then runs in the lane's
 * session panel.
 */

import { useEffect, useState } from 'preact/hooks';

import { formatMoney } from '../../i18n';
import { api } from '../../ui/client';
import { useLoaded, useReadable } from '../../ui/hooks';
import { t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import type { CheckoutDone, OpenStay } from '../../wire-stays';
import { RENTAL_NAMES } from '../register/labels';
import { slipHref } from '../slip/slip-model';
import { CheckoutDialog, unitName } from './checkout-dialog';
import { RenewalDialog } from './renewal-dialog';
import { checkoutAsked, countdown, findStays, parseUnit, useNow } from './stays-model';

/** "Overdue" or "Due in 30 min" (or nothing). */
function Flag({ stay }: { stay: OpenStay }) {
  if (stay.overdue) return <span class="flag flag-overdue">{t('stay.overdue')}</span>;
  if (stay.due_soon) return <span class="flag flag-soon">{t('stay.dueSoon')}</span>;
  return null;
}

/** Props of the due board. */
export interface DueBoardProps {
  timeZone: string;
  /** the number of `inventory.changed` pushes so far (a change reloads) */
  pushes: number;
  /** the register's lane (a renewal opens there); without one, no Renew */
  lane?: string;
}

/** The due board (see the module header). */
export function DueBoard({ timeZone, pushes, lane }: DueBoardProps) {
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<OpenStay | null>(null);
  const [typed, setTyped] = useState('');
  const [typedNote, setTypedNote] = useState<string | null>(null);
  const [done, setDone] = useState<CheckoutDone | null>(null);
  const [renewing, setRenewing] = useState<OpenStay | null>(null);
  const [renewed, setRenewed] = useState<{ unit: string; hours: number } | null>(null);
  const now = useNow();
  const asked = useReadable(checkoutAsked);
  const { value: board, error } = useLoaded(() => api.stays(), [pushes, reloads]);


  const stays = board?.stays ?? [];
  // the inventory board asked for a unit's checkout
  useEffect(() => {
    if (!asked) return;
    checkoutAsked.set(null);
    const found = findStays(stays, { kind: asked.kind, number: asked.number })[0];
    if (found) setOpen(found);
    else setTypedNote(t('stay.noStayOn', { unit: asked.number }));
  }, [asked]);

  const checkoutTyped = () => {
    setTypedNote(null);
    const unit = parseUnit(typed);
    if (!unit) return setTypedNote(t('stay.typeUnit'));
    const found = findStays(stays, unit)[0];
    if (!found) return setTypedNote(t('stay.noStayOn', { unit: typed.trim() }));
    setOpen(found);
  };

  return (
    <section class="panel due-board" aria-labelledby="due-title" data-testid="due-board">
      <h2 id="due-title">{t('stay.dueTitle')}</h2>
      <form
        class="typed-checkout"
        onSubmit={(e) => {
          e.preventDefault();
          checkoutTyped();
        }}
      >
        <label for="typed-unit">{t('stay.typeUnitLabel')}</label>
        <input id="typed-unit" value={typed} autoComplete="off" placeholder={t('stay.typeUnitHint')} data-testid="checkout-number" onInput={(e) => setTyped(e.currentTarget.value)} />
        <button type="submit" class="btn btn-secondary" data-testid="checkout-number-go">
          {t('stay.checkOut')}
        </button>
      </form>
      {typedNote ? (
        <p class="warn" role="alert" data-testid="checkout-number-note">
          {typedNote}
        </p>
      ) : null}
      {done ? (
        <p class="ok" role="status" data-testid="checkout-done">
          {t(done.unit_status === 'DIRTY' ? 'stay.doneDirty' : 'stay.done', { unit: unitName(done.kind, done.number) })}
          {done.late_fee_cents > 0 ? ` ${t(done.fee_settlement === 'PAID' ? 'stay.donePaid' : 'stay.doneBalance', { fee: formatMoney(done.late_fee_cents) })}` : ''}
        </p>
      ) : null}
      {renewed ? (
        <p class="ok" role="status" data-testid="renewal-started">
          {t('renewal.started', { unit: renewed.unit, hours: renewed.hours })}
        </p>
      ) : null}
      {board && stays.length === 0 ? <p class="note">{t('stay.none')}</p> : null}
      {stays.length > 0 ? (
        <ul class="due-list" aria-label={t('stay.dueTitle')}>
          {stays.map((s) => {
            const left = countdown(s, now);
            return (
              <li key={s.visit_id} class={s.overdue ? 'overdue' : s.due_soon ? 'due-soon' : ''} data-testid={`due-${s.number}`} data-overdue={String(s.overdue)}>
                <div class="due-main">
                  <strong>{unitName(s.kind, s.number)}</strong> <span>{s.customer_name}</span> <span class="note">{RENTAL_NAMES[s.rental_type]}</span>
                </div>
                <div class="due-time">
                  <Flag stay={s} />{' '}
                  <span>{t('stay.outAt', { time: timeAt(s.checkout_at, timeZone) })}</span> · <span data-testid="due-countdown">{t(left.key, left.params)}</span>
                  {s.late_fee_cents > 0 ? (
                    <>
                      {' · '}
                      <span data-testid="due-fee">{t('stay.feeSoFar', { fee: formatMoney(s.late_fee_cents) })}</span>
                    </>
                  ) : null}
                  {s.late_ban ? <span class="warn"> · {t('stay.banShort')}</span> : null}
                </div>
                <div class="due-actions">
                <a
                  class="btn btn-secondary"
                  href={slipHref(s.block_id, { print: true })}
                  target="_blank"
                  rel="noopener"
                  data-testid={`due-slip-${s.number}`}
                  aria-label={t('slip.printOf', { unit: unitName(s.kind, s.number) })}
                >
                  {t('slip.print')}
                </a>
                <button
                  type="button"
                  class="btn btn-primary"
                  data-testid={`due-checkout-${s.number}`}
                  aria-label={t('stay.checkoutOf', { unit: unitName(s.kind, s.number), name: s.customer_name })}
                  onClick={() => {
                    setDone(null);
                    setOpen(s);
                  }}
                >
                  {t('stay.checkOut')}
                </button>
                {lane ? (
                  <button
                    type="button"
                    class="btn btn-secondary"
                    data-testid={`due-renew-${s.number}`}
                    aria-label={t('renewal.of', { unit: unitName(s.kind, s.number), name: s.customer_name })}
                    onClick={() => {
                      setRenewed(null);
                      setRenewing(s);
                    }}
                  >
                    {t('renewal.renew')}
                  </button>
                ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} />
      {open ? (
        <CheckoutDialog
          stay={open}
          timeZone={timeZone}
          onClose={() => {
            setOpen(null);
            setReloads((n) => n + 1);
          }}
          onDone={(d) => {
            setOpen(null);
            setDone(d);
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
      {renewing && lane ? (
        <RenewalDialog
          stay={renewing}
          lane={lane}
          timeZone={timeZone}
          onClose={() => setRenewing(null)}
          onStarted={(hours) => {
            setRenewed({ unit: unitName(renewing.kind, renewing.number), hours });
            setRenewing(null);
          }}
        />
      ) : null}
    </section>
  );
}
