/**
 * What the employee sees of a scanned or searched customer before starting a session: the
 * customer card, the "already checked in" card with the open stay (no Start: the server would
 * refuse it), or the scanned ID with "Create customer" (only when the server would accept it).
 */

import { formatMoney } from '../../i18n';
import { dateOf, t, timeAt } from '../../ui/language';
import { ActionButton } from '../../ui/parts';
import type { CustomerSummary, IdentifyResponse, OpenVisit, ScannedIdentity } from '../../wire';

/** The customer as the employee sees them. */
export function CustomerCard({ customer, timeZone, onCorrect }: { customer: CustomerSummary; timeZone: string; onCorrect?: () => void }) {
  return (
    <div class="customer-card" data-testid="customer-card">
      <h3 class="name" title={customer.name}>{customer.name}</h3>
      <dl>
        <dt>{t('reg.dob')}</dt>
        <dd>{customer.dob ? dateOf(customer.dob) : '—'}</dd>
        <dt>{t('reg.member')}</dt>
        <dd>
          {customer.membership_valid_until
            ? t('reg.validThrough', { number: customer.membership_number ?? t('reg.memberNone'), date: dateOf(customer.membership_valid_until) })
            : (customer.membership_number ?? t('reg.memberNone'))}
        </dd>
        {customer.past_due_cents > 0 ? (
          <>
            <dt>{t('reg.pastDue')}</dt>
            <dd class="warn">{formatMoney(customer.past_due_cents)}</dd>
          </>
        ) : null}
        {customer.banned_until ? (
          <>
            <dt>{t('reg.bannedUntil')}</dt>
            <dd class="warn">{timeAt(customer.banned_until, timeZone)}</dd>
          </>
        ) : null}
        {customer.notes ? (
          <>
            <dt>{t('reg.notes')}</dt>
            <dd>{customer.notes}</dd>
          </>
        ) : null}
      </dl>
      {onCorrect ? (
        <button type="button" class="btn btn-link" data-testid="correct-details" onClick={onCorrect}>
          {t('customerForm.correct')}
        </button>
      ) : null}
    </div>
  );
}

/** The longest name the server accepts for a customer. */
export const MAX_NAME_LENGTH = 200;

/** Why a customer cannot be created from this scan, or null when they can. Pure. */
export function cannotCreateFromScan(scanned: ScannedIdentity | null): string | null {
  const name = scanned?.name?.trim() ?? '';
  if (name === '') return t('reg.noNameOnScan');
  if ([...name].length > MAX_NAME_LENGTH) return t('reg.nameTooLong', { max: MAX_NAME_LENGTH });
  return null;
}

/** "Room 204 · in since 6:10 PM · checkout 12:10 AM" of an open stay. Pure. */
export function stayLine(visit: OpenVisit, timeZone: string): string {
  const unit = visit.number ? t(visit.kind === 'LOCKER' ? 'staff.lockerNumber' : 'staff.roomNumber', { number: visit.number }) : null;
  const since = t('reg.inSince', { time: timeAt(visit.started_at, timeZone) });
  const out = visit.checkout_at ? t('reg.checkoutAt', { time: timeAt(visit.checkout_at, timeZone) }) : null;
  return [unit, since, out].filter((part) => part !== null).join(' · ');
}

/** Props of the identification result. */
export interface FoundProps {
  found: IdentifyResponse;
  timeZone: string;
  busy: boolean;
  onStart: (customer: CustomerSummary) => void;
  onCreate: () => void;
  /** opens the correction form for the customer shown */
  onCorrect?: (customer: CustomerSummary) => void;
  /** opens hand entry prefilled with what the scan showed */
  onEnterByHand?: () => void;
}

/** The result of a scan or a search pick. */
export function Found({ found, timeZone, busy, onStart, onCreate, onCorrect, onEnterByHand }: FoundProps) {
  if (found.result === 'NO_MATCH') {
    const s = found.scanned;
    const refusal = cannotCreateFromScan(s);
    return (
      <div class="customer-card new" data-testid="no-match">
        <h3>{t('reg.newCustomer')}</h3>
        {s?.name ? <p class="name" title={s.name}>{s.name}</p> : null}
        {s?.dob ? <p>{t('reg.born', { date: dateOf(s.dob) })}</p> : null}
        {refusal ? (
          <>
            <p class="warn" data-testid="cannot-create">
              {refusal}
            </p>
            {onEnterByHand ? (
              <ActionButton kind="primary" testId="enter-scanned-by-hand" onClick={onEnterByHand}>
                {t('customerForm.cannotCreate')}
              </ActionButton>
            ) : null}
          </>
        ) : (
          <ActionButton kind="primary" busy={busy} testId="create-customer" onClick={onCreate}>
            {t('reg.createAndStart')}
          </ActionButton>
        )}
      </div>
    );
  }
  const customer = found.customer;
  if (!customer) return null;
  if (found.result === 'ALREADY_CHECKED_IN') {
    const v = found.visit;
    return (
      <div class="already" data-testid="already-checked-in">
        <h3>{t('reg.alreadyCheckedIn')}</h3>
        <CustomerCard customer={customer} timeZone={timeZone} {...(onCorrect ? { onCorrect: () => onCorrect(customer) } : {})} />
        {v ? (
          <p class={v.overdue ? 'stay warn' : 'stay'} data-testid="open-stay">
            {stayLine(v, timeZone)}
            {v.overdue ? ` · ${t('reg.overdue')}` : ''}
          </p>
        ) : (
          <p class="stay" data-testid="open-stay">{t('reg.openStay')}</p>
        )}
        <p class="note">{t('reg.noNewCheckIn')}</p>
      </div>
    );
  }
  return (
    <div>
      <CustomerCard customer={customer} timeZone={timeZone} {...(onCorrect ? { onCorrect: () => onCorrect(customer) } : {})} />
      <ActionButton kind="primary" busy={busy} testId="start-session" onClick={() => onStart(customer)}>
        {t('reg.startCheckIn')}
      </ActionButton>
    </div>
  );
}
