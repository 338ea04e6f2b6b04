/**
 * The printed stay slip itself: club, unit, rental, start and checkout (in the club's zone,
 * with the full date), the amount paid, the agreement version and the signature record's
 * hash with its QR code. Written in the customer's language (the agreement's), so the slip
 * they take away reads like the kiosk they signed on. Laid out for `paper` by styles.css
 * (`.slip-80mm`: an 80 mm receipt; `.slip-a4`: a sheet), with its own `@page` size.
 */

import { formatDateTime, formatMoney, translate, type MessageKey } from '../../i18n';
import type { Language } from '../../wire';
import type { Slip, SlipPaper } from '../../wire-stays';
import { hashGroups, qrImageSrc } from './slip-model';

/** One slip, in `language`, for `paper`. */
export function SlipView({ slip, paper, language }: { slip: Slip; paper: SlipPaper; language: Language }) {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const at = (instant: string) => formatDateTime(instant, { language, timeZone: slip.time_zone });
  const kind = tr(slip.kind === 'ROOM' ? 'staff.room' : 'staff.locker');
  return (
    <article class={`slip slip-${paper}`} data-testid="slip" data-paper={paper} lang={language.toLowerCase()}>
      <header class="slip-head">
        <p class="slip-club" data-testid="slip-club">{slip.club.name}</p>
        <h1>{tr('slip.title')}</h1>
        <p class="slip-kind">{tr(`slip.block.${slip.block_type}`)}</p>
      </header>
      <p class="slip-unit" data-testid="slip-unit">
        {kind} <strong data-testid="slip-number">{slip.number}</strong>
      </p>
      <dl class="slip-facts">
        <dt>{tr('slip.rental')}</dt>
        <dd data-testid="slip-rental">{tr(`rental.${slip.rental_type}`)}</dd>
        <dt>{tr('slip.start')}</dt>
        <dd data-testid="slip-start">{at(slip.starts_at)}</dd>
        <dt>{tr('slip.checkout')}</dt>
        <dd class="slip-checkout" data-testid="slip-checkout">{at(slip.checkout_at)}</dd>
        <dt>{tr('slip.paid')}</dt>
        <dd data-testid="slip-paid">{formatMoney(slip.total_paid_cents)}</dd>
        <dt>{tr('slip.agreement')}</dt>
        <dd data-testid="slip-agreement">
          {slip.agreement ? tr('slip.agreementVersion', { version: slip.agreement.version, language: slip.agreement.language }) : tr('slip.noAgreement')}
        </dd>
      </dl>
      <p class="slip-zone">{tr('slip.timeZone', { zone: slip.time_zone })}</p>
      {slip.record_sha256 && slip.qr_svg ? (
        <section class="slip-record" aria-label={tr('slip.record')}>
          <img class="slip-qr" data-testid="slip-qr" src={qrImageSrc(slip.qr_svg)} alt={tr('slip.qr')} />
          <p class="slip-record-label">{tr('slip.record')}</p>
          <p class="slip-hash" data-testid="slip-hash" data-hash={slip.record_sha256}>
            {hashGroups(slip.record_sha256).map((group) => (
              <span key={group}>{group}</span>
            ))}
          </p>
        </section>
      ) : null}
    </article>
  );
}
