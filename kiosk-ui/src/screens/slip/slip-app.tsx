/**
 * The `/slip/{block_id}` page: the stay slip of one check-in block, printed with the
 * browser's print dialog. Staff sign in like on the register (the session is the same-origin
 * cookie, so a slip opened from the register or the due board in a new tab is already signed
 * in). A toolbar, hidden on paper, picks the paper (`?paper=80mm|a4`, kept in the address)
 * and prints; `?print=1` opens the print dialog as soon as the slip is shown.
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { DEFAULT_TIME_ZONE } from '../../i18n';
import { api } from '../../ui/client';
import { useReadable } from '../../ui/hooks';
import { currentLanguage, staffLanguage, t } from '../../ui/language';
import { ErrorNote, LanguageToggle } from '../../ui/parts';
import { PinSignIn } from '../../ui/pin-sign-in';
import { refreshStaff, staffSession } from '../../ui/staff-session';
import type { Slip, SlipPaper } from '../../wire-stays';
import { PAPERS, printAtOnce, slipBlockId, slipPaper } from './slip-model';
import { SlipView } from './slip-view';

/** The page. */
export function SlipApp({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const me = useReadable(staffSession);
  useReadable(staffLanguage);
  useEffect(() => void refreshStaff(), []);
  if (me === undefined) return <div class="slip-page" />;
  if (me === null) return <main class="center"><PinSignIn title={t('slip.signIn')} timeZone={timeZone} onSignedIn={() => void refreshStaff()} /></main>;
  return <SlipPage blockId={slipBlockId(location.pathname) ?? ''} />;
}

function SlipPage({ blockId }: { blockId: string }) {
  const [slip, setSlip] = useState<Slip | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [paper, setPaper] = useState<SlipPaper>(() => slipPaper(location.search));
  useEffect(() => {
    void api.slip(blockId).then((a) => (a.ok ? setSlip(a.value) : setError(a.error)));
  }, [blockId]);
  // the page's paper decides the printed page size (styles.css: `@page receipt` / `@page sheet`)
  useEffect(() => {
    document.documentElement.dataset.paper = paper;
  }, [paper]);
  useEffect(() => {
    if (slip && printAtOnce(location.search)) window.print();
  }, [slip]);
  const choose = (next: SlipPaper) => {
    setPaper(next);
    const query = new URLSearchParams(location.search);
    query.set('paper', next);
    query.delete('print');
    history.replaceState(null, '', `${location.pathname}?${query.toString()}`);
  };
  return (
    <div class="slip-page">
      <header class="topbar slip-toolbar" data-testid="slip-toolbar">
        <strong>{t('slip.title')}</strong>
        <div class="row" role="group" aria-label={t('slip.paper')}>
          {PAPERS.map((p) => (
            <button key={p} type="button" class="btn slip-paper" aria-pressed={p === paper} data-testid={`slip-paper-${p}`} onClick={() => choose(p)}>
              {t(p === 'a4' ? 'slip.paperA4' : 'slip.paper80')}
            </button>
          ))}
        </div>
        <span class="who" />
        <LanguageToggle />
        <button type="button" class="btn btn-secondary" data-testid="slip-print" disabled={!slip} onClick={() => window.print()}>
          {t('slip.print')}
        </button>
      </header>
      <main class="slip-stage">
        <ErrorNote error={error} testId="slip-error" />
        {slip ? <SlipView slip={slip} paper={paper} language={slip.agreement?.language ?? currentLanguage()} /> : error ? null : <p>{t('slip.loading')}</p>}
      </main>
    </div>
  );
}
