/**
 * Finding the customer: the scanner field (keyboard wedge, captured anywhere on the page that
 * is not another input, queued while busy) and the manual search (F2; Escape clears it and
 * gives the keys back to the scanner). A match becomes the customer card with "Start check-in";
 * a customer with an open stay shows the stay instead; a search without a hit says so.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { api } from '../../ui/client';
import { t } from '../../ui/language';
import { ActionButton, ErrorNote } from '../../ui/parts';
import type { CustomerHit, CustomerSummary, IdentifyResponse, IdentityMethod, OpenVisit } from '../../wire';
import { Found } from './customer-card';
import { ScanBuffer, SerialQueue } from './scan-buffer';

/** Props of the panel. */
export interface IdentifyProps {
  lane: string;
  timeZone: string;
  /** a session is live on the lane: scans are not needed now */
  live: boolean;
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

/** The scanner and search panel. */
export function IdentifyPanel({ lane, timeZone, live }: IdentifyProps) {
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
  const queue = useMemo(() => new SerialQueue(), []);

  const identify = async (scan: string) => {
    setBusy(true);
    setError(null);
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
      <ErrorNote error={error} timeZone={timeZone} />
      {found && !live ? (
        <Found found={found} timeZone={timeZone} busy={busy} onCreate={() => void create()} onStart={(c) => void start(c, found.identity_method ?? 'STAFF_CHECKED')} />
      ) : null}
    </section>
  );
}
