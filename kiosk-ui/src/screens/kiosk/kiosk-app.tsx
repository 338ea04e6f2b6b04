/**
 * The customer's tablet: pairing, then one lane's kiosk view over the socket. Every screen is
 * chosen from the server's view (`kioskStep`); the customer's taps are lane commands whose
 * effect arrives as the next view. Refusals read as one calm sentence.
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import type { ApiResult } from '../../api';
import { createTranslator, DEFAULT_TIME_ZONE } from '../../i18n';
import { api } from '../../ui/client';
import { setDocumentLanguage } from '../../ui/language';
import { useLaneFeed } from '../../ui/hooks';
import type { KioskView, Language } from '../../wire';
import type { DeviceView } from '../../wire-staff';
import { lanePath } from '../../ws/connection';
import { AgreementStep } from './agreement';
import { CalmError, KioskChrome } from './chrome';
import { LanguageStep, MemberNote, MembershipStep, RentalStep } from './choose';
import { PairingScreen } from './pairing';
import { AssigningStep, DoneStep, PaymentStep } from './pay-done';
import { backTarget, kioskStep } from './steps';
import { withStock } from '../stays/stays-model';
import type { Stock } from '../../wire-stays';

/** The kiosk page: the device first, then its lane. */
export function KioskApp({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const [device, setDevice] = useState<DeviceView | null | undefined>(undefined);
  useEffect(() => {
    void api.device().then((answer) => setDevice(answer.ok ? answer.value : null));
  }, []);
  if (device === undefined) return <div class="kiosk kiosk-idle" />;
  if (device === null) return <PairingScreen onPaired={setDevice} />;
  return <KioskLane lane={device.lane_id} timeZone={timeZone} onUnpaired={() => setDevice(null)} />;
}

function KioskLane({ lane, timeZone, onUnpaired }: { lane: string; timeZone: string; onUnpaired: () => void }) {
  const feed = useLaneFeed<KioskView>(lanePath(lane));
  // a lost socket may mean a manager revoked this tablet: then it shows pairing again
  useEffect(() => {
    if (feed.status !== 'reconnecting') return;
    void api.device().then((answer) => !answer.ok && answer.error.status === 401 && onUnpaired());
  }, [feed.status]);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const entry = feed.lanes.get(lane);
  // inventory.changed: the rental options' availability at once, until the next view (issue 12)
  const [pushed, setPushed] = useState<{ rev: number; stock: Stock } | null>(null);
  const revNow = useRef(0);
  revNow.current = entry?.rev ?? 0;
  const current = entry?.view;
  const view = current && pushed && pushed.rev === entry.rev ? { ...current, options: withStock(current.options, pushed.stock) } : current;

  useEffect(
    () =>
      feed.connection.onEvent((event) => {
        if (event.type === 'lane.highlight') setHighlighted(event.data.option);
        if (event.type === 'inventory.changed') setPushed({ rev: revNow.current, stock: event.data });
      }),
    [feed.connection],
  );
  useEffect(() => setErrorCode(null), [view?.status, view?.session_id]);
  // typing instead of drawing (issue 15) holds across the agreement's language, not sessions
  const [typing, setTyping] = useState(false);
  useEffect(() => setTyping(false), [view?.session_id]);
  // <html lang> is the customer's language
  useEffect(() => setDocumentLanguage(view?.language ?? 'EN'), [view?.language]);

  if (!view) {
    return (
      <KioskChrome t={createTranslator('EN')} step="idle" status={feed.status}>
        <section class="step idle" />
      </KioskChrome>
    );
  }

  const language: Language = view.language ?? 'EN';
  const t = createTranslator(language);
  const step = kioskStep(view);
  const run = (call: Promise<ApiResult<unknown>>) => {
    setErrorCode(null);
    void call.then((answer) => {
      if (!answer.ok) {
        const stale = answer.error.code === 'STALE_VERSION';
        if (!stale) setErrorCode(answer.error.code);
        if (answer.error.status === 0 || stale) feed.connection.resync();
      }
    });
  };
  const clock = { language, timeZone, now: entry?.at ? new Date(entry.at) : new Date() };
  const target = backTarget(view, step);
  // Back is relative to the screen the customer saw: a double tap's second Back is refused as
  // stale (and the kiosk just resyncs) instead of stepping back twice.
  const back = target ? () => run(api.back(lane, target, { expectedRev: entry?.rev })) : undefined;
  const toggle = view.session_id && step !== 'idle' ? () => run(api.setLanguage(lane, language === 'EN' ? 'ES' : 'EN')) : undefined;

  return (
    <KioskChrome t={t} step={step} status={feed.status} renewal={view.mode === 'RENEWAL'} onToggleLanguage={toggle}>
      {step === 'idle' ? (
        <section class="step idle" data-testid="idle">
          <h1 class="club-name">{view.club_name}</h1>
          {view.status === 'CANCELLED' ? <p class="lead">{t('idle.cancelled')}</p> : null}
        </section>
      ) : null}
      {view.first_name && (step === 'language' || step === 'membership' || step === 'rental') ? (
        <p class="greeting">{t('greeting.hello', { name: view.first_name })}</p>
      ) : null}
      {step === 'language' ? <LanguageStep t={t} onPick={(l) => run(api.setLanguage(lane, l))} /> : null}
      {step === 'membership' ? <MembershipStep t={t} view={view} language={language} onPick={(c) => run(api.membership(lane, c))} onBack={back} /> : null}
      {step === 'rental' ? (
        <>
          <MemberNote t={t} view={view} language={language} />
          <RentalStep
            t={t}
            view={view}
            highlighted={highlighted}
            onPropose={(r) => run(api.propose(lane, r))}
            onConfirm={() => run(api.confirm(lane))}
            onWaitlist={(d, b) => run(api.waitlist(lane, d, b))}
            onBack={back}
            clock={clock}
          />
        </>
      ) : null}
      {step === 'payment' ? <PaymentStep t={t} view={view} clock={clock} /> : null}
      {step === 'agreement' && view.agreement ? <AgreementStep key={view.agreement.id} t={t} lane={lane} agreement={view.agreement} typing={typing} onTyping={setTyping} /> : null}
      {step === 'assigning' ? <AssigningStep t={t} /> : null}
      {step === 'done' ? <DoneStep t={t} view={view} language={language} timeZone={timeZone} onOk={() => run(api.acknowledge(lane))} /> : null}
      <CalmError t={t} code={errorCode} />
    </KioskChrome>
  );
}
