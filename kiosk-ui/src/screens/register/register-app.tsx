/**
 * The register page: staff sign-in, then the lane (a register is opened with this browser's
 * device key, kept in localStorage; it identifies the tablet, not the person), then the desk.
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { DEFAULT_TIME_ZONE } from '../../i18n';
import { api } from '../../ui/client';
import { useReadable } from '../../ui/hooks';
import { staffLanguage, t } from '../../ui/language';
import { ErrorNote, LanguageToggle } from '../../ui/parts';
import { PinSignIn } from '../../ui/pin-sign-in';
import { refreshStaff, signOut, staffSession } from '../../ui/staff-session';
import type { LaneSummary, MeAnswer } from '../../wire-staff';
import { Desk } from './desk';

const KEY_NAME = 'frontdesk.registerDeviceKey';

/** This browser's register key (created once). */
export function registerDeviceKey(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): string {
  const held = storage.getItem(KEY_NAME);
  if (held && held.length >= 8) return held;
  const key = `reg-${globalThis.crypto.randomUUID()}`;
  storage.setItem(KEY_NAME, key);
  return key;
}

/** The register page. */
export function RegisterApp({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const me = useReadable(staffSession);
  // a language switch re-renders the whole screen (its strings are read at render)
  useReadable(staffLanguage);
  const [lane, setLane] = useState<string | null>(null);
  // set when a manager ended this register's session: the lane list says so
  const [ended, setEnded] = useState<string | null>(null);
  useEffect(() => void refreshStaff(), []);
  if (me === undefined) return <div class="register" />;
  if (me === null) return <main class="center"><PinSignIn title={t('staff.signInRegister')} timeZone={timeZone} onSignedIn={() => void refreshStaff()} /></main>;
  if (lane === null) {
    return <LanePicker me={me} ended={ended} onOpen={(l) => {
      setEnded(null);
      setLane(l);
    }} />;
  }
  const leave = async () => {
    await api.registerSignOut(lane);
    setLane(null);
    await signOut();
  };
  return <Desk lane={lane} me={me} timeZone={timeZone} onSignOut={() => void leave()} onEnded={() => {
    setEnded(lane);
    setLane(null);
  }} />;
}

function LanePicker({ me, ended, onOpen }: { me: MeAnswer; ended: string | null; onOpen: (lane: string) => void }) {
  const [lanes, setLanes] = useState<LaneSummary[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // after signing in, the focus starts on this page's heading (Tab reaches the lanes)
  useEffect(() => title.current?.focus(), []);
  useEffect(() => {
    void api.lanes().then((a) => (a.ok ? setLanes(a.value) : setError(a.error)));
  }, []);
  const open = async (lane: LaneSummary) => {
    if (lane.register?.staff_id === me.staff.id) return onOpen(lane.id);
    const answer = await api.registerSignIn(lane.id, registerDeviceKey());
    if (answer.ok) onOpen(lane.id);
    else setError(answer.error);
  };
  return (
    <main class="center">
      <div class="card">
        <div class="sign-in-head">
          <h1 ref={title} tabIndex={-1}>{t('reg.chooseLane')}</h1>
          <LanguageToggle />
        </div>
        <p>{t('reg.signedInAs', { name: me.staff.display_name })}</p>
        {ended ? (
          <p class="warn" role="alert" data-testid="register-ended">
            {t('man.reg.endedHere', { lane: lanes.find((l) => l.id === ended)?.name ?? ended })}
          </p>
        ) : null}
        <div class="lane-list">
          {lanes.filter((l) => l.active).map((l) => (
            <button type="button" key={l.id} class="btn btn-primary big" data-testid={`open-${l.id}`} onClick={() => void open(l)}>
              {l.register && l.register.staff_id !== me.staff.id ? t('reg.registerInUse', { lane: l.name }) : l.name}
            </button>
          ))}
        </div>
        <ErrorNote error={error} />
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>
          {t('staff.signOut')}
        </button>
      </div>
    </main>
  );
}
