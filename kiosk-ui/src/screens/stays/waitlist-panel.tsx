/**
 * The register's "Upgrades" panel: each open waitlist entry with the customer, the unit they
 * are on → the tier they wait for, their place in line, the ETA and the fee. An OFFERED entry
 * shows the held room and a live countdown of the hold (waitlist-model.ts). Actions: offer a
 * room (a typed number), accept → the fee and the payment method → paid (accept, then pay;
 * the panel then says the move "Locker 012 → Room 216"), and cancel (a reason, the PIN again).
 * It reloads on each `waitlist.changed` or `inventory.changed` push — never by polling; a
 * local 1 s tick only redraws the countdowns. Refusals are said in words (ErrorNote).
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { formatMoney } from '../../i18n';
import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import type { PaymentMethod } from '../../wire';
import type { WaitlistEntry, WaitlistList } from '../../wire-waitlist';
import { StepUpConfirm } from '../manager/step-up';
import { RENTAL_NAMES } from '../register/labels';
import { unitName } from './checkout-dialog';
import { useNow } from './stays-model';
import { clockText, feeOfUpgradeRefusal, HOLD_TICK_MS, holdSecondsLeft } from './waitlist-model';

/** A finished action, said above the list. */
type Note = { kind: 'moved'; name: string; from: string; to: string } | { kind: 'offered'; name: string; unit: string } | { kind: 'cancelled'; name: string };

function noteText(note: Note): string {
  if (note.kind === 'moved') return t('upgrade.moved', note);
  if (note.kind === 'offered') return t('upgrade.offered', note);
  return t('upgrade.cancelled', note);
}

/** The row's key in test ids: the unit the customer is on (or the entry). */
function rowKey(e: WaitlistEntry): string {
  return e.current?.number ?? e.id;
}

/** Props of the panel. */
export interface WaitlistPanelProps {
  timeZone: string;
  /** `waitlist.changed` and `inventory.changed` pushes so far (a change reloads) */
  pushes: number;
}

/** The panel (see the module header). */
export function WaitlistPanel({ timeZone, pushes }: WaitlistPanelProps) {
  const [reloads, setReloads] = useState(0);
  const [list, setList] = useState<{ value: WaitlistList; receivedAt: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const now = useNow(HOLD_TICK_MS);
  useEffect(() => {
    let current = true;
    void api.waitlistEntries().then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setList({ value: answer.value, receivedAt: Date.now() });
        setError(null);
      } else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [pushes, reloads]);

  const done = (n: Note) => {
    setNote(n);
    setReloads((r) => r + 1);
  };
  const entries = list?.value.entries ?? [];
  return (
    <section class="panel waitlist-panel" aria-labelledby="waitlist-title" data-testid="waitlist-panel">
      <h2 id="waitlist-title">{t('upgrade.title')}</h2>
      {note ? (
        <p class="ok" role="status" data-testid={`wl-${note.kind}`}>
          {noteText(note)}
        </p>
      ) : null}
      {list === null && error === null ? <p class="note">{t('upgrade.loading')}</p> : null}
      {list && entries.length === 0 ? <p class="note" data-testid="wl-none">{t('upgrade.none')}</p> : null}
      {entries.length > 0 ? (
        <ul class="due-list waitlist-list" aria-label={t('upgrade.title')}>
          {entries.map((e) => (
            <EntryRow key={e.id} entry={e} secondsLeft={e.offer && list ? holdSecondsLeft(e.offer, list.receivedAt, now) : null} timeZone={timeZone} onDone={done} onReload={() => setReloads((r) => r + 1)} />
          ))}
        </ul>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} testId="wl-error" />
    </section>
  );
}

interface RowProps {
  entry: WaitlistEntry;
  /** the hold's seconds left now (OFFERED) */
  secondsLeft: number | null;
  timeZone: string;
  onDone: (note: Note) => void;
  onReload: () => void;
}

/** One entry with its facts and actions. */
function EntryRow({ entry: e, secondsLeft, timeZone, onDone, onReload }: RowProps) {
  const [mode, setMode] = useState<'idle' | 'paying' | 'cancelling'>('idle');
  const [number, setNumber] = useState('');
  const [fee, setFee] = useState<number | null>(e.upgrade_fee_cents);
  const [feeChanged, setFeeChanged] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // a new list brings the fee the server computes now (unless a refusal just told us)
  useEffect(() => {
    if (!feeChanged) setFee(e.upgrade_fee_cents);
  }, [e.upgrade_fee_cents, e.version]);

  const key = rowKey(e);
  const from = e.current ? unitName(e.current.kind, e.current.number) : t('upgrade.stayEnded');
  const desired = RENTAL_NAMES[e.desired_tier];
  const held = e.offer ? unitName('ROOM', e.offer.number) : null;

  const offer = async () => {
    setBusy(true);
    setError(null);
    const typed = number.trim();
    const answer = await api.offerRoom(e.id, typed);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setNumber('');
    onDone({ kind: 'offered', name: e.customer_name, unit: unitName('ROOM', answer.value.offer?.number ?? typed) });
  };

  const pay = async (method: PaymentMethod) => {
    if (!held) return;
    setBusy(true);
    setError(null);
    const accepted = await api.acceptOffer(e.id, fee ?? undefined);
    if (!accepted.ok) {
      setBusy(false);
      const now = feeOfUpgradeRefusal(accepted.error);
      if (now !== null) {
        setFee(now);
        setFeeChanged(true);
        return;
      }
      return setError(accepted.error);
    }
    const paid = await api.payUpgrade(e.id, { payment_intent_id: accepted.value.payment_intent_id, method });
    setBusy(false);
    if (!paid.ok) return setError(paid.error);
    onDone({ kind: 'moved', name: e.customer_name, from, to: held });
  };

  const facts = [
    e.position !== null ? t('upgrade.position', { position: e.position }) : null,
    e.eta ? t('upgrade.eta', { time: timeAt(e.eta, timeZone) }) : t('upgrade.etaUnknown'),
    fee !== null ? t('upgrade.fee', { fee: formatMoney(fee) }) : t('upgrade.noFee'),
  ].filter((f): f is string => f !== null);

  return (
    <li class={e.status === 'OFFERED' ? 'due-soon' : ''} data-testid={`wl-${key}`} data-status={e.status}>
      <div class="due-main">
        <strong>{e.customer_name}</strong> <span data-testid={`wl-move-${key}`}>{t('upgrade.move', { from, to: desired })}</span>
      </div>
      <div class="due-time">
        <span data-testid={`wl-facts-${key}`}>{facts.join(' · ')}</span>
        {held && secondsLeft !== null ? (
          <>
            {' · '}
            <span class="flag flag-soon" data-testid={`wl-hold-${key}`}>
              {t('upgrade.held', { unit: held })}: {secondsLeft > 0 ? t('upgrade.left', { time: clockText(secondsLeft) }) : t('upgrade.holdEnded')}
            </span>
          </>
        ) : null}
      </div>
      {mode === 'idle' ? (
        <div class="due-actions">
          {e.status === 'ACTIVE' ? (
            <form
              class="typed-checkout"
              onSubmit={(ev) => {
                ev.preventDefault();
                void offer();
              }}
            >
              <label for={`wl-number-${e.id}`}>{t('upgrade.offerLabel', { name: e.customer_name })}</label>
              <input
                id={`wl-number-${e.id}`}
                value={number}
                autoComplete="off"
                maxLength={10}
                placeholder={t('upgrade.offerHint')}
                data-testid={`wl-offer-number-${key}`}
                onInput={(ev) => setNumber(ev.currentTarget.value)}
              />
              <button type="submit" class="btn btn-secondary" disabled={busy || number.trim() === ''} data-testid={`wl-offer-${key}`}>
                {t('upgrade.offer')}
              </button>
            </form>
          ) : null}
          {held && e.status === 'OFFERED' ? (
            <button
              type="button"
              class="btn btn-primary"
              data-testid={`wl-accept-${key}`}
              aria-label={t('upgrade.acceptOf', { unit: held, name: e.customer_name })}
              onClick={() => {
                setError(null);
                setMode('paying');
              }}
            >
              {t('upgrade.accept')}
            </button>
          ) : null}
          <button
            type="button"
            class="btn btn-secondary"
            data-testid={`wl-cancel-${key}`}
            aria-label={t('upgrade.cancelOf', { name: e.customer_name })}
            onClick={() => {
              setError(null);
              setMode('cancelling');
            }}
          >
            {t('upgrade.cancel')}
          </button>
        </div>
      ) : null}
      {mode === 'paying' && held ? (
        <div class="confirm-box" role="group" aria-labelledby={`wl-pay-title-${e.id}`} data-testid="wl-pay">
          <p id={`wl-pay-title-${e.id}`}>
            <strong data-testid="wl-pay-title">{t('upgrade.payTitle', { name: e.customer_name, unit: held, fee: fee !== null ? formatMoney(fee) : '—' })}</strong>
          </p>
          {feeChanged && fee !== null ? (
            <p class="warn" role="alert" data-testid="wl-fee-changed">
              {t('upgrade.feeChanged', { fee: formatMoney(fee) })}
            </p>
          ) : null}
          <div class="dialog-actions">
            {(['CASH', 'CARD', 'OTHER'] as const).map((m) => (
              <button key={m} type="button" class="btn btn-primary" disabled={busy} data-testid={`wl-pay-${m}`} onClick={() => void pay(m)}>
                {t(m === 'CASH' ? 'upgrade.paidCash' : m === 'CARD' ? 'upgrade.paidCard' : 'upgrade.paidOther')}
              </button>
            ))}
            <button type="button" class="btn btn-secondary" disabled={busy} data-testid="wl-pay-back" onClick={() => setMode('idle')}>
              {t('upgrade.back')}
            </button>
          </div>
        </div>
      ) : null}
      {mode === 'cancelling' ? (
        <StepUpConfirm
          question={t('upgrade.cancelQuestion', { name: e.customer_name })}
          confirmLabel={t('upgrade.cancelConfirm')}
          timeZone={timeZone}
          testId="wl-cancel-box"
          action={() => api.cancelWaitlist(e.id, reason.trim() || undefined)}
          onDone={() => {
            setMode('idle');
            onDone({ kind: 'cancelled', name: e.customer_name });
          }}
          onCancel={() => {
            setMode('idle');
            onReload();
          }}
        >
          <label>
            {t('upgrade.reason')}
            <textarea value={reason} maxLength={500} data-testid="wl-cancel-reason" onInput={(ev) => setReason(ev.currentTarget.value)} />
          </label>
        </StepUpConfirm>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} testId={`wl-error-${key}`} />
    </li>
  );
}
