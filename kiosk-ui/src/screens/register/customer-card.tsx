/**
 * What the employee sees of a scanned or searched customer before starting a session: the
 * customer card, the "already checked in" card, or the scanned ID with "Create customer".
 */

import { formatDate, formatMoney, formatTime } from '../../i18n';
import { ActionButton } from '../../ui/parts';
import type { CustomerSummary, IdentifyResponse } from '../../wire';

/** The customer as the employee sees them. */
export function CustomerCard({ customer, timeZone }: { customer: CustomerSummary; timeZone: string }) {
  return (
    <div class="customer-card" data-testid="customer-card">
      <h3>{customer.name}</h3>
      <dl>
        <dt>Date of birth</dt>
        <dd>{customer.dob ? formatDate(customer.dob) : '—'}</dd>
        <dt>Member</dt>
        <dd>
          {customer.membership_number ?? 'none'}
          {customer.membership_valid_until ? `, valid through ${formatDate(customer.membership_valid_until)}` : ''}
        </dd>
        {customer.past_due_cents > 0 ? (
          <>
            <dt>Past due</dt>
            <dd class="warn">{formatMoney(customer.past_due_cents)}</dd>
          </>
        ) : null}
        {customer.banned_until ? (
          <>
            <dt>Banned until</dt>
            <dd class="warn">{formatTime(customer.banned_until, { timeZone })}</dd>
          </>
        ) : null}
        {customer.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{customer.notes}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

/** Props of the identification result. */
export interface FoundProps {
  found: IdentifyResponse;
  timeZone: string;
  busy: boolean;
  onStart: (customer: CustomerSummary) => void;
  onCreate: () => void;
}

/** The result of a scan or a search pick. */
export function Found({ found, timeZone, busy, onStart, onCreate }: FoundProps) {
  if (found.result === 'NO_MATCH') {
    const s = found.scanned;
    return (
      <div class="customer-card new" data-testid="no-match">
        <h3>New customer</h3>
        <p>{s?.name ?? 'The scan carried no name.'}</p>
        {s?.dob ? <p>Born {formatDate(s.dob)}</p> : null}
        <ActionButton kind="primary" busy={busy} testId="create-customer" onClick={onCreate}>
          Create customer and start
        </ActionButton>
      </div>
    );
  }
  const customer = found.customer;
  if (!customer) return null;
  if (found.result === 'ALREADY_CHECKED_IN') {
    const v = found.visit;
    return (
      <div class="already" data-testid="already-checked-in">
        <h3>Already checked in</h3>
        <CustomerCard customer={customer} timeZone={timeZone} />
        {v ? (
          <p class={v.overdue ? 'warn' : ''}>
            In since {formatTime(v.started_at, { timeZone })}
            {v.checkout_at ? `, checkout ${formatTime(v.checkout_at, { timeZone })}` : ''}
            {v.overdue ? ' (overdue)' : ''}
          </p>
        ) : null}
        <p class="note">Renewal and checkout are done from the stay (not available at this counter yet).</p>
      </div>
    );
  }
  return (
    <div>
      <CustomerCard customer={customer} timeZone={timeZone} />
      <ActionButton kind="primary" busy={busy} testId="start-session" onClick={() => onStart(customer)}>
        Start check-in
      </ActionButton>
    </div>
  );
}
