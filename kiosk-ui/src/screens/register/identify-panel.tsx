/**
 * Finding the customer: the scanner field (keyboard wedge, captured anywhere on the page that
 * is not another input, queued while busy) and the manual search (F2). A match becomes the
 * customer card with "Start check-in".
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { api } from '../../ui/client';
import { ErrorNote } from '../../ui/parts';
import type { CustomerSummary, IdentifyResponse, IdentityMethod } from '../../wire';
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
  const [results, setResults] = useState<CustomerSummary[]>([]);
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
      if (e.key === 'F2') {
        e.preventDefault();
        search.current?.focus();
        return;
      }
      if (e.ctrlKey || e.altKey || e.metaKey || typingElsewhere(e.target, scanner.current)) return;
      if (e.key === 'Escape') {
        scanner.current?.focus();
        return;
      }
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

  const start = async (customer: CustomerSummary, method: IdentityMethod) => {
    setBusy(true);
    const answer = await api.startSession(lane, customer.id, method);
    setBusy(false);
    if (answer.ok) {
      setFound(null);
      setResults([]);
      setQuery('');
      scanner.current?.focus();
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
    const answer = await api.searchCustomers(query.trim());
    if (answer.ok) setResults(answer.value);
    else setError(answer.error);
  };

  return (
    <section class="panel identify" aria-label="Find the customer">
      <div
        ref={scanner}
        class={`scanner ${busy ? 'busy' : ''}`}
        tabIndex={0}
        role="textbox"
        aria-label="Scanner"
        data-testid="scanner"
        onPaste={(e) => {
          e.preventDefault();
          buffer.paste(e.clipboardData?.getData('text') ?? '');
        }}
      >
        {pending ? `Scanning… (${pending.length})` : busy ? 'Looking up…' : live ? 'Session in progress' : 'Ready to scan an ID or membership card'}
      </div>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          void runSearch();
        }}
      >
        <input ref={search} type="search" placeholder="Search name or member # (F2)" data-testid="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="submit" class="btn btn-secondary">
          Search
        </button>
      </form>
      {results.length > 0 ? (
        <ul class="results">
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" class="btn btn-link" onClick={() => setFound({ result: 'MATCHED', customer: c, identity_method: 'STAFF_CHECKED', visit: null, scanned: null })}>
                {c.name} {c.membership_number ? `#${c.membership_number}` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorNote error={error} hint={error?.code === 'ALREADY_CHECKED_IN' ? 'Use the stay shown below.' : undefined} />
      {found && !live ? (
        <Found found={found} timeZone={timeZone} busy={busy} onCreate={() => void create()} onStart={(c) => void start(c, found.identity_method ?? 'STAFF_CHECKED')} />
      ) : null}
    </section>
  );
}
