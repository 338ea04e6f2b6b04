/**
 * Pieces of the register's session panel, hook-free: the rental options (each button named
 * with its tier, "Propose Standard Room", for a screen reader), the hold with its swap field,
 * a renewal's line (unit, old → new checkout) and the quote in the screen's language.
 */

import type { ApiError } from '../../api';
import { formatMoney } from '../../i18n';
import { t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import type { LineItem, RegisterSessionView, RenewalFacts, RentalOption, RentalType } from '../../wire';
import { renewalLine } from '../stays/renewal-model';
import { RENTAL_NAMES } from './labels';

/** Props of the options list. */
export interface OptionsProps {
  options: readonly RentalOption[];
  proposed: RentalType | null;
  busy: string | null;
  onPropose: (rental: RentalType) => void;
  onWaitlist: (rental: RentalType) => void;
  onPointOut: (rental: RentalType) => void;
}

/** One line per rental: name, price, availability, Propose (or Waitlist) and Point out. */
export function RentalOptions({ options, proposed, busy, onPropose, onWaitlist, onPointOut }: OptionsProps) {
  return (
    <ul class="options" aria-label={t('reg.rentals')}>
      {options.map((o) => {
        const rental = RENTAL_NAMES[o.rental_type];
        return (
          <li key={o.rental_type} class={`option ${proposed === o.rental_type ? 'selected' : ''}`} data-rental={o.rental_type}>
            <span class="option-text">
              <strong>{rental}</strong> <span>{formatMoney(o.price_cents)}</span>{' '}
              <span class={o.available > 0 ? 'meta' : 'warn'}>{o.available > 0 ? t('reg.left', { count: o.available }) : t('reg.soldOut')}</span>
            </span>
            {o.available > 0 ? (
              <button
                type="button"
                class="btn btn-secondary"
                data-testid={`propose-${o.rental_type}`}
                aria-label={t('reg.proposeTier', { rental })}
                aria-pressed={proposed === o.rental_type}
                disabled={busy === `p-${o.rental_type}`}
                aria-busy={busy === `p-${o.rental_type}`}
                onClick={() => onPropose(o.rental_type)}
              >
                {t('reg.propose')}
              </button>
            ) : (
              <button type="button" class="btn btn-secondary" data-testid={`waitlist-${o.rental_type}`} aria-label={t('reg.waitlistTier', { rental })} onClick={() => onWaitlist(o.rental_type)}>
                {t('reg.waitlist')}
              </button>
            )}
            <button type="button" class="btn btn-link" data-testid={`point-out-${o.rental_type}`} aria-label={t('reg.pointOutTier', { rental })} onClick={() => onPointOut(o.rental_type)}>
              {t('reg.pointOut')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Props of the hold line. */
export interface HoldProps {
  session: RegisterSessionView;
  canSwap: boolean;
  swapTo: string;
  busy: boolean;
  swapError: { error: ApiError; number: string } | null;
  timeZone: string;
  onSwapInput: (value: string) => void;
  onSwap: () => void;
}

/** "Holding room 204", the field to swap it for another number, and a refused swap's words. */
export function HoldLine({ session, canSwap, swapTo, busy, swapError, timeZone, onSwapInput, onSwap }: HoldProps) {
  const held = session.held;
  if (!held) return null;
  return (
    <div class="row">
      <span>
        {t(held.kind === 'ROOM' ? 'reg.holdingRoom' : 'reg.holdingLocker')} <strong data-testid="held-number">{held.number}</strong>
      </span>
      {canSwap ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            onSwap();
          }}
        >
          <input placeholder={t('reg.otherNumber')} aria-label={t('reg.swapTo')} value={swapTo} size={6} maxLength={20} data-testid="swap-number" onInput={(e) => onSwapInput(e.currentTarget.value)} />
          <button type="submit" class="btn btn-secondary" data-testid="swap-submit" disabled={swapTo.trim() === '' || busy}>
            {t('reg.swap')}
          </button>
        </form>
      ) : null}
      {swapError ? <ErrorNote error={swapError.error} timeZone={timeZone} params={{ number: swapError.number }} testId="swap-error" /> : null}
    </div>
  );
}

/** A quote line in the screen's language (the rental by its name, add-ons as the server wrote them). */
function lineText(session: RegisterSessionView, line: LineItem): string {
  if (line.kind === 'ADDON') return line.description;
  if (line.kind === 'RENTAL' && session.proposed_rental_type) return RENTAL_NAMES[session.proposed_rental_type];
  return t(`payment.line.${line.kind}`);
}

/** The quote's lines and total. */
export function QuoteTable({ session }: { session: RegisterSessionView }) {
  const quote = session.quote;
  if (!quote) return null;
  return (
    <table class="quote small">
      <caption class="sr-only">{t('reg.quote')}</caption>
      <tbody>
        {quote.line_items.map((l, i) => (
          <tr key={i}>
            <td>{lineText(session, l)}</td>
            <td class="money">{formatMoney(l.amount_cents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('reg.total')}</th>
          <td class="money" data-testid="register-total">
            {formatMoney(quote.total_cents)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** "Renewal: 6 hours on Room 215, checkout 2:15 PM → 8:15 PM" (the club's zone). */
export function RenewalLine({ renewal, timeZone }: { renewal: RenewalFacts; timeZone: string }) {
  return (
    <p class="row lead" data-testid="renewal-line">
      {renewalLine(t, renewal, (instant) => timeAt(instant, timeZone))}
    </p>
  );
}
