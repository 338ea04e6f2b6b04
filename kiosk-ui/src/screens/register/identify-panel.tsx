/**
 * Finding the customer: the scanner field (keyboard wedge, captured anywhere on the page that
 * is not another input, queued while busy) and the manual search (F2; Escape clears it and
 * gives the keys back to the scanner). A match becomes the customer card with "Start check-in";
 * a customer with an open stay shows the stay instead; a search without a hit says so.
 * "Enter by hand" (and a scan that cannot create) opens the customer form, which creates the
 * customer and starts the check-in; "Correct details" on a card opens it for a correction.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { api } from '../../ui/client';
import { t } from '../../ui/language';
import { ActionButton, ErrorNote } from '../../ui/parts';
import type { CustomerHit, CustomerSummary, IdentifyResponse, IdentityMethod, OpenVisit } from '../../wire';
import { Found } from './customer-card';
import { CustomerForm, type CustomerInput } from './customer-form';
import { ScanBuffer, SerialQueue } from './scan-buffer';

/** Props of the panel. */
export interface IdentifyProps {
  lane: string;
  timeZone: string;
  /** a session is live on the lane: scans are not needed now */
  live: boolean;
  /** the customer of the live session (their details can be corrected during the check-in) */
  sessionCustomer?: CustomerSummary | null;
}

function typingElsewhere(target: EventTarget | null, scanner: HTMLElement | null): boolean {
  if (!(target instanceof HTMLElement) || target === scanner) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function pressable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'BUTTON' || target.tagName === 'A');
}

/** The open stay named by a 409 ALREADY_CHECKED_IN (`{visit_id, started_at}`), or null. */
export function visitOf(details: Record<string, unknown>): OpenVisit | null {
  const { visit_id, started_at } = details;
  if (typeof visit_id !== 'string' || typeof started_at !== 'string') return null;
  return { visit_id, started_at, checkout_at: null, number: null, kind: null, overdue: false };
}

/** The customer form, when open: hand entry (maybe prefilled from a scan) or a correction. */
type OpenForm = { mode: 'create'; scan: string | null; initial: { name?: string | null; dob?: string | null } } | { mode: 'correct'; customer: CustomerSummary };

/** "Corrected: name, date of birth." of a correction's answer. */
export function correctedNote(changed: readonly string[], underage: boolean): string {
  const words = changed.map((f) => (['name', 'dob', 'membership_number'].includes(f) ? t(`customerForm.field.${f as 'name' | 'dob' | 'membership_number'}`) : f));
  const note = t('customerForm.corrected', { fields: words.join(', ') });
  return underage ? `${note} ${t('customerForm.underage')}` : note;
}

/** The fields of `input` that differ from `customer` (a correction sends only those). Pure. */
export function correctionOf(customer: CustomerSummary, input: CustomerInput): { name?: string; dob?: string; membership_number?: string; reason: string } {
  const out: { name?: string; dob?: string; membership_number?: string; reason: string } = { reason: input.reason };
  if (input.name !== customer.name) out.name = input.name;
  if (input.dob !== null && input.dob !== customer.dob) out.dob = input.dob;
  if (input.membership_number !== (customer.membership_number ?? '')) out.membership_number = input.membership_number;
  return out;
}

/** The scanner and search panel. */
export function IdentifyPanel({ lane, timeZone, live, sessionCustomer = null }: IdentifyProps) {
  const scanner = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState('');
  const [found, setFound] = useState<IdentifyResponse | null>(null);
  const [lastScan, setLastScan] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CustomerHit[]>([]);
  /** the query of the last search that found nobody */
  const [noHit, setNoHit] = useState<string | null>(null);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const queue = useMemo(() => new SerialQueue(), []);

  const identify = async (scan: string) => {
    setBusy(true);
    setError(null);
    setNote(null);
    setForm(null);
    const answer = await api.identify(lane, scan);
    setBusy(false);
    if (answer.ok) {
      setFound(answer.value);
      setLastScan(scan);
    } else {
      setFound(null);
      setError(answer.error);
    }
  };

  const buffer = useMemo(() => new ScanBuffer((scan) => {
    setPending('');
    queue.push(() => identify(scan));
  }), [lane]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // a dialog has the keys (its own Escape closes it; no scan while it is open)
      if (e.target instanceof Element && e.target.closest('[aria-modal=true]')) return;
      if (e.key === 'F2') {
        e.preventDefault();
        search.current?.focus();
        return;
      }
      if (e.key === 'Escape' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        // from the search box (or anywhere): clear the search and give the keys to the scanner
        if (e.target === search.current) {
          e.preventDefault();
          clearSearch();
        }
        buffer.reset();
        setPending('');
        setForm(null);
        scanner.current?.focus();
        return;
      }
      if (e.ctrlKey || e.altKey || e.metaKey || typingElsewhere(e.target, scanner.current)) return;
      // Enter or Space on a focused button still presses it, unless a scan is under way
      if (buffer.pending === '' && (e.key === 'Enter' || e.key === ' ') && pressable(e.target)) return;
      if (buffer.key(e.key)) {
        e.preventDefault();
        setPending(buffer.pending);
      }
    };
    document.addEventListener('keydown', onKey, true);
    scanner.current?.focus();
    return () => {
      document.removeEventListener('keydown', onKey, true);
      buffer.reset();
    };
  }, [buffer]);

  const clearSearch = () => {
    setQuery('');
    setResults([]);
    setNoHit(null);
  };

  const start = async (customer: CustomerSummary, method: IdentityMethod) => {
    setBusy(true);
    setError(null);
    const answer = await api.startSession(lane, customer.id, method);
    setBusy(false);
    if (answer.ok) {
      setFound(null);
      clearSearch();
      scanner.current?.focus();
    } else if (answer.error.code === 'ALREADY_CHECKED_IN') {
      // checked in meanwhile: show the stay the refusal names instead of a Start that fails
      setFound({ result: 'ALREADY_CHECKED_IN', customer, identity_method: method, visit: visitOf(answer.error.details), scanned: null });
    } else setError(answer.error);
  };

  const create = async () => {
    if (!lastScan) return;
    setBusy(true);
    const made = await api.createCustomer({ scan: lastScan });
    setBusy(false);
    if (!made.ok) return setError(made.error);
    await start(made.value, 'ID_SCAN');
  };

  const closeForm = () => {
    setForm(null);
    scanner.current?.focus();
  };

  /** hand entry: create (with the scan when there was one, so its hashes are kept), then start */
  const createByHand = async (scan: string | null, input: CustomerInput) => {
    setError(null);
    const made = await api.createCustomer({
      name: input.name,
      ...(input.dob ? { dob: input.dob } : {}),
      ...(input.membership_number ? { membership_number: input.membership_number } : {}),
      ...(scan ? { scan } : {}),
    });
    if (!made.ok) return made.error;
    const method: IdentityMethod = scan ? 'ID_SCAN' : 'MANUAL';
    setForm(null);
    setFound({ result: 'MATCHED', customer: made.value, identity_method: method, visit: null, scanned: null });
    await start(made.value, method);
    return null;
  };

  const correct = async (customer: CustomerSummary, input: CustomerInput) => {
    const answer = await api.correctCustomer(customer.id, correctionOf(customer, input));
    if (!answer.ok) return answer.error;
    const fixed = answer.value.customer;
    setForm(null);
    setFound((now) => (now && now.customer?.id === fixed.id ? { ...now, customer: fixed } : now));
    setResults((hits) => hits.map((h) => (h.id === fixed.id ? { ...h, ...fixed } : h)));
    setNote(correctedNote(answer.value.changed, answer.value.underage));
    scanner.current?.focus();
    return null;
  };

  const runSearch = async () => {
    const q = query.trim();
    setError(null);
    setNoHit(null);
    const answer = await api.searchCustomers(q);
    if (!answer.ok) return setError(answer.error);
    setResults(answer.value);
    if (answer.value.length === 0) setNoHit(q);
  };

  const searchAgain = () => {
    clearSearch();
    search.current?.focus();
  };

  const pick = (hit: CustomerHit) => {
    setError(null);
    setNote(null);
    setFound({ result: hit.visit ? 'ALREADY_CHECKED_IN' : 'MATCHED', customer: hit, identity_method: 'STAFF_CHECKED', visit: hit.visit, scanned: null });
  };

  return (
    <section class="panel identify" aria-label={t('reg.findCustomer')}>
      <div
        ref={scanner}
        class={`scanner ${busy ? 'busy' : ''}`}
        tabIndex={0}
        role="textbox"
        aria-label={t('reg.scanner')}
        data-testid="scanner"
        onPaste={(e) => {
          e.preventDefault();
          buffer.paste(e.clipboardData?.getData('text') ?? '');
        }}
      >
        {pending ? t('reg.scanning', { count: pending.length }) : busy ? t('reg.lookingUp') : live ? t('reg.sessionInProgress') : t('reg.readyToScan')}
      </div>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          void runSearch();
        }}
      >
        <input ref={search} type="search" aria-label={t('reg.searchLabel')} aria-keyshortcuts="F2" placeholder={t('reg.searchPlaceholder')} data-testid="search" value={query} maxLength={100} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="submit" class="btn btn-secondary" disabled={query.trim().length < 2} title={t('reg.searchMin')}>
          {t('reg.search')}
        </button>
      </form>
      {results.length > 0 ? (
        <ul class="results" aria-label={t('reg.searchResults')}>
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" class="btn btn-link name" data-testid="search-hit" onClick={() => pick(c)}>
                {c.name} {c.membership_number ? `#${c.membership_number}` : ''}
                {c.visit ? ` · ${t('reg.checkedIn')}` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {noHit !== null ? (
        <div class="no-result" role="status" data-testid="no-search-result">
          <p>{t('reg.noHit', { query: noHit })}</p>
          <ActionButton testId="search-again" onClick={searchAgain}>
            {t('reg.searchAgain')}
          </ActionButton>
        </div>
      ) : null}
      {!live && !form ? (
        <div class="row by-hand">
          <ActionButton testId="enter-by-hand" onClick={() => {
            setNote(null);
            setForm({ mode: 'create', scan: null, initial: {} });
          }}>
            {t('customerForm.enterByHand')}
          </ActionButton>
          <small class="hint">{t('customerForm.enterByHandHint')}</small>
        </div>
      ) : null}
      {live && sessionCustomer && !form ? (
        <div class="row by-hand">
          <ActionButton testId="correct-session-customer" onClick={() => {
            setNote(null);
            setForm({ mode: 'correct', customer: sessionCustomer });
          }}>
            {t('customerForm.correctSession', { name: sessionCustomer.name })}
          </ActionButton>
        </div>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} />
      {note ? (
        <p class="note" role="status" data-testid="correction-note">
          {note}
        </p>
      ) : null}
      {form?.mode === 'create' ? (
        <CustomerForm mode="create" initial={form.initial} fromScan={form.scan !== null} onSubmit={(input) => createByHand(form.scan, input)} onCancel={closeForm} />
      ) : form?.mode === 'correct' ? (
        <CustomerForm mode="correct" initial={form.customer} onSubmit={(input) => correct(form.customer, input)} onCancel={closeForm} />
      ) : found && !live ? (
        <Found
          found={found}
          timeZone={timeZone}
          busy={busy}
          onCreate={() => void create()}
          onStart={(c) => void start(c, found.identity_method ?? 'STAFF_CHECKED')}
          onCorrect={(customer) => {
            setNote(null);
            setForm({ mode: 'correct', customer });
          }}
          onEnterByHand={() => setForm({ mode: 'create', scan: lastScan, initial: { name: found.scanned?.name ?? '', dob: found.scanned?.dob ?? null } })}
        />
      ) : null}
    </section>
  );
}
