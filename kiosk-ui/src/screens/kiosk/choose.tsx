/**
 * The customer's choices before payment: language, membership, rental (with live prices and
 * availability from the server) and the waiting list with a backup.
 */

import { useState } from 'preact/hooks';

import { formatDate, formatMoney, formatTime, type MessageKey, type Translator } from '../../i18n';
import type { KioskView, Language, MembershipChoice, MembershipOption, RentalOption, RentalType } from '../../wire';

/** Runs one command; resolves once the server answered. */
export type Act = (name: string, run: () => Promise<unknown>) => Promise<void>;

/** Step 1: the language. */
export function LanguageStep({ t, onPick }: { t: Translator; onPick: (l: Language) => void }) {
  return (
    <section class="step">
      <h1>{t('language.title')}</h1>
      <div class="choices">
        <button type="button" class="choice" data-testid="lang-EN" onClick={() => onPick('EN')}>
          {t('language.english')}
        </button>
        <button type="button" class="choice" data-testid="lang-ES" onClick={() => onPick('ES')}>
          {t('language.spanish')}
        </button>
      </div>
    </section>
  );
}

/** The Back button of a step before confirming (large, beside the step's own buttons). */
export function BackButton({ t, onBack }: { t: Translator; onBack?: () => void }) {
  if (!onBack) return null;
  return (
    <div class="back-bar">
      <button type="button" class="btn btn-secondary big" data-testid="back" onClick={onBack}>
        {t('back.button')}
      </button>
    </div>
  );
}

/** How the club's clock reads a time on this tablet: language, zone and the server's "now". */
export interface Clock {
  language: Language;
  timeZone: string;
  /** the view's time (the server's clock), for what "today" is */
  now: Date;
}

/** "6 hours · checkout at 11:30 PM" (with the date when not today), from the server's values. */
export function stayText(t: Translator, hours: number, checkoutAt: string, clock: Clock): string {
  return t('stay.summary', { hours, time: formatTime(checkoutAt, clock) });
}

function membershipPrice(t: Translator, option: MembershipOption | undefined, language: Language): string | null {
  if (!option) return null;
  const price = option.price_cents === 0 ? t('membership.free') : formatMoney(option.price_cents);
  return option.valid_until ? `${price} · ${t('membership.validThrough', { date: formatDate(option.valid_until, language) })}` : price;
}

/** Props of the membership step. */
export interface MembershipProps {
  t: Translator;
  view: KioskView;
  language: Language;
  onPick: (c: MembershipChoice) => void;
  onBack?: () => void;
}

/** Step 2: a one-time visit or a six-month membership, each with its price for this customer. */
export function MembershipStep({ t, view, language, onPick, onBack }: MembershipProps) {
  const expired = view.membership?.state === 'EXPIRED';
  const offered = view.membership?.options ?? [];
  const price = (choice: MembershipChoice) => membershipPrice(t, offered.find((o) => o.choice === choice), language);
  const choices: [MembershipChoice, MessageKey, MessageKey][] = [
    ['ONE_TIME', 'membership.oneTime', 'membership.oneTimeHint'],
    ['SIX_MONTH', 'membership.sixMonth', 'membership.sixMonthHint'],
  ];
  return (
    <section class="step">
      <h1>{t('membership.title')}</h1>
      <p class="lead">{expired ? t('membership.expired') : t('membership.nonMember')}</p>
      <div class="choices">
        {choices.map(([choice, name, hint]) => (
          <button type="button" class="choice" key={choice} data-testid={`membership-${choice}`} onClick={() => onPick(choice)}>
            <span class="choice-name">{t(name)}</span>
            {price(choice) === null ? null : (
              <span class="choice-price" data-testid={`membership-price-${choice}`}>
                {price(choice)}
              </span>
            )}
            <span class="choice-hint">{t(hint)}</span>
          </button>
        ))}
      </div>
      <BackButton t={t} onBack={onBack} />
    </section>
  );
}

function availability(t: Translator, option: RentalOption): string {
  if (option.available <= 0) return t('rental.soldOut');
  return option.available === 1 ? t('rental.lastOne') : t('rental.left', { count: option.available });
}

/** Props of the rental step. */
export interface RentalProps {
  t: Translator;
  view: KioskView;
  highlighted: string | null;
  onPropose: (r: RentalType) => void;
  onConfirm: () => void;
  onWaitlist: (desired: RentalType, backup: RentalType) => void;
  onBack?: () => void;
  clock: Clock;
}

/** Step 3: the rental, or the waiting list when the wanted one is sold out. */
export function RentalStep({ t, view, highlighted, onPropose, onConfirm, onWaitlist, onBack, clock }: RentalProps) {
  const [wanted, setWanted] = useState<RentalType | null>(null);
  const selection = view.selection;
  const proposed = selection?.rental_type ?? null;
  if (view.past_due_blocked) {
    return (
      <section class="step">
        <h1>{t('rental.title')}</h1>
        <p class="lead">{t('rental.pastDueBlocked')}</p>
        <BackButton t={t} onBack={onBack} />
      </section>
    );
  }
  if (wanted !== null) {
    const backups = view.options.filter((o) => o.available > 0 && o.rental_type !== wanted);
    return (
      <section class="step">
        <h1>{t('waitlist.title')}</h1>
        <p class="lead">{t('waitlist.desired', { rental: t(`rental.${wanted}`) })}</p>
        <p>{t('waitlist.chooseBackup')}</p>
        <div class="choices">
          {backups.map((o) => (
            <button type="button" class="choice" key={o.rental_type} data-testid={`backup-${o.rental_type}`} onClick={() => {
              onWaitlist(wanted, o.rental_type);
              setWanted(null);
            }}>
              <span class="choice-name">{t(`rental.${o.rental_type}`)}</span>
              <span class="choice-price">{formatMoney(o.price_cents)}</span>
            </button>
          ))}
        </div>
        <button type="button" class="btn btn-secondary" onClick={() => setWanted(null)}>
          {t('waitlist.cancel')}
        </button>
      </section>
    );
  }
  return (
    <section class="step">
      <h1>{t('rental.title')}</h1>
      {selection?.waitlist_desired_type ? <p class="note">{t('waitlist.joined', { rental: t(`rental.${selection.waitlist_desired_type}`) })}</p> : null}
      <div class="choices options">
        {view.options.map((o) => {
          const soldOut = o.available <= 0;
          const classes = ['choice', proposed === o.rental_type ? 'selected' : '', highlighted === o.rental_type ? 'highlighted' : '', soldOut ? 'sold-out' : ''];
          return (
            <button
              type="button"
              key={o.rental_type}
              class={classes.filter(Boolean).join(' ')}
              data-testid={`rental-${o.rental_type}`}
              aria-pressed={proposed === o.rental_type}
              onClick={() => (soldOut ? setWanted(o.rental_type) : onPropose(o.rental_type))}
            >
              <span class="choice-name">{t(`rental.${o.rental_type}`)}</span>
              <span class="choice-price">{formatMoney(o.price_cents)}</span>
              <span class="choice-hint" data-testid={`rental-stay-${o.rental_type}`}>
                {stayText(t, o.hours, o.checkout_at, clock)}
              </span>
              <span class="choice-hint">{availability(t, o)}</span>
            </button>
          );
        })}
      </div>
      {proposed ? (
        <div class="confirm-bar">
          <div>
            <p class="lead">
              {selection?.proposed_by === 'EMPLOYEE' ? t('rental.suggested', { rental: t(`rental.${proposed}`) }) : t('rental.selected', { rental: t(`rental.${proposed}`) })}
            </p>
            {view.stay ? (
              <p class="stay" data-testid="stay">
                <span data-testid="stay-summary">{stayText(t, view.stay.hours, view.stay.checkout_at, clock)}</span>
                <br />
                <strong data-testid="stay-total">{t('stay.total', { amount: formatMoney(view.stay.quote.total_cents) })}</strong>
              </p>
            ) : null}
          </div>
          <button type="button" class="btn btn-primary big" data-testid="rental-confirm" onClick={onConfirm}>
            {t('rental.confirm')}
          </button>
        </div>
      ) : null}
      <BackButton t={t} onBack={onBack} />
    </section>
  );
}

/** The member's line above the choices. */
export function MemberNote({ t, view, language }: { t: Translator; view: KioskView; language: Language }) {
  const m = view.membership;
  if (!m || m.state !== 'MEMBER' || !m.valid_until) return null;
  return <p class="note">{t('membership.member', { date: formatDate(m.valid_until, language) })}</p>;
}
