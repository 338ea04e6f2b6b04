/**
 * Step 4 (payment display) and the end of a check-in (done, or waiting for the key). The
 * kiosk shows the server's quote only; it never computes a price and never shows a decline.
 * A renewal (issue 14) shows the same screens with its own words: the same room or locker,
 * the hours added and the new checkout above the total, "Please pay at the counter", and a
 * done screen with the unit and the new checkout. A check-in that joined the upgrade
 * waitlist says the place on the done screen: "You are #1 in line for a Double Room (about …)".
 */

import { useEffect } from 'preact/hooks';

import { formatMoney, formatTime, type Translator } from '../../i18n';
import type { KioskView, Language, LineItem, RenewalFacts } from '../../wire';
import { kioskPlaceText } from '../stays/waitlist-model';
import { stayText, type Clock } from './choose';

/** How long the done screen stays before the kiosk acknowledges on its own (ms). */
export const DONE_AUTO_ACK_MS = 30_000;

function lineText(t: Translator, view: KioskView, line: LineItem): string {
  if (line.kind === 'ADDON') return line.description;
  if (line.kind === 'RENTAL' && view.selection?.rental_type) return t(`rental.${view.selection.rental_type}`);
  return t(`payment.line.${line.kind}`);
}

function messageText(t: Translator, message: string): string {
  return message.trim().toLowerCase() === 'no refunds' ? t('payment.noRefunds') : message;
}

/** A renewal above its price: the same unit, large, then "6 more hours · new checkout 8:15 PM". */
function RenewalSummary({ t, renewal, clock }: { t: Translator; renewal: RenewalFacts; clock: Clock }) {
  const u = renewal.unit;
  return (
    <div class="renewal-summary" data-testid="renewal-summary">
      <p class="unit-number" data-testid="renewal-unit">
        {t(u.kind === 'ROOM' ? 'renewal.sameRoom' : 'renewal.sameLocker', { number: u.number })}
      </p>
      <p class="lead stay" data-testid="stay-summary">
        {t('renewal.kioskSummary', { hours: renewal.hours, time: formatTime(renewal.ends_at, clock) })}
      </p>
    </div>
  );
}

/** The quote, large, the stay it buys, and "Please pay the attendant" (or "Paid"). */
export function PaymentStep({ t, view, clock }: { t: Translator; view: KioskView; clock: Clock }) {
  const quote = view.quote;
  const paid = view.payment_status === 'PAID';
  const renewal = view.mode === 'RENEWAL';
  return (
    <section class="step" data-mode={view.mode ?? undefined}>
      <h1>{t(renewal ? 'renewal.kioskTitle' : 'payment.title')}</h1>
      {view.renewal ? (
        <RenewalSummary t={t} renewal={view.renewal} clock={clock} />
      ) : view.stay ? (
        <p class="lead stay" data-testid="stay-summary">
          {stayText(t, view.stay.hours, view.stay.checkout_at, clock)}
        </p>
      ) : null}
      {quote ? (
        <table class="quote" data-testid="quote">
          <tbody>
            {quote.line_items.map((line, i) => (
              <tr key={i}>
                <td>{lineText(t, view, line)}</td>
                <td class="money">{formatMoney(line.amount_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('payment.total')}</th>
              <td class="money total" data-testid="quote-total">
                {formatMoney(quote.total_cents)}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
      {quote?.messages.map((m) => (
        <p class="note" key={m}>
          {messageText(t, m)}
        </p>
      ))}
      <p class="lead pay-prompt" data-testid="pay-prompt">
        {paid ? t('payment.paid') : t(renewal ? 'renewal.payCounter' : 'payment.payAttendant')}
      </p>
    </section>
  );
}

/** Props of the done screen. */
export interface DoneProps {
  t: Translator;
  view: KioskView;
  language: Language;
  timeZone: string;
  onOk: () => void;
}

/** The number and checkout time; OK (or 30 s) returns the kiosk to idle through the server. */
export function DoneStep({ t, view, language, timeZone, onOk }: DoneProps) {
  useEffect(() => {
    const timer = setTimeout(onOk, DONE_AUTO_ACK_MS);
    return () => clearTimeout(timer);
  }, [view.session_id]);
  const a = view.assignment;
  const renewal = view.mode === 'RENEWAL';
  const place = kioskPlaceText(t, view.waitlist, { language, timeZone });
  return (
    <section class="step done" data-mode={view.mode ?? undefined}>
      <h1>{t(renewal ? 'renewal.doneTitle' : 'done.title')}</h1>
      {a ? (
        <p class="unit-number" data-testid="assigned-number">
          {a.kind === 'ROOM' ? t('done.room', { number: a.number }) : t('done.locker', { number: a.number })}
        </p>
      ) : null}
      {a?.checkout_at ? (
        <p class="lead" data-testid="done-checkout">
          {t(renewal ? 'renewal.doneCheckout' : 'done.checkout', { time: formatTime(a.checkout_at, { language, timeZone }) })}
        </p>
      ) : null}
      {place ? (
        <p class="lead" data-testid="done-waitlist">
          {place}
        </p>
      ) : null}
      <button type="button" class="btn btn-primary big" data-testid="done-ok" onClick={onOk}>
        {t('done.ok')}
      </button>
    </section>
  );
}

/** Signed, but the held unit was lost: the attendant assigns one. */
export function AssigningStep({ t }: { t: Translator }) {
  return (
    <section class="step done">
      <h1>{t('done.title')}</h1>
      <p class="lead">{t('done.awaitingAssignment')}</p>
    </section>
  );
}
