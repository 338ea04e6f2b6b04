/**
 * The `/housekeeping` page, made for a phone (360 px wide): staff sign-in like the register,
 * then the housekeeping panel. Its live pushes come from the first active lane's socket
 * (any signed-in staff member may watch a lane; `inventory.changed` goes to every socket), so
 * no register is opened for it.
 */

import { useEffect, useState } from 'preact/hooks';

import { DEFAULT_TIME_ZONE } from '../../i18n';
import { api } from '../../ui/client';
import { useLaneFeed, useReadable } from '../../ui/hooks';
import { staffLanguage, t } from '../../ui/language';
import { ConnectionBadge, LanguageToggle } from '../../ui/parts';
import { PinSignIn } from '../../ui/pin-sign-in';
import { refreshStaff, signOut, staffSession } from '../../ui/staff-session';
import type { RegisterView } from '../../wire';
import type { MeAnswer } from '../../wire-staff';
import { lanePath } from '../../ws/connection';
import { Housekeeping } from './housekeeping';
import { useStockPushes } from './stays-model';

/** The page. */
export function HousekeepingApp({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const me = useReadable(staffSession);
  useReadable(staffLanguage);
  const [lane, setLane] = useState<string | null | undefined>(undefined);
  useEffect(() => void refreshStaff(), []);
  useEffect(() => {
    if (!me) return;
    void api.lanes().then((a) => setLane(a.ok ? (a.value.find((l) => l.active)?.id ?? null) : null));
  }, [me?.staff.id]);
  if (me === undefined) return <div class="housekeeping-page" />;
  if (me === null) return <main class="center"><PinSignIn title={t('hk.signIn')} timeZone={timeZone} onSignedIn={() => void refreshStaff()} /></main>;
  if (lane === undefined) return <main class="housekeeping-page"><p>{t('staff.connecting')}</p></main>;
  return lane === null ? <Page me={me} timeZone={timeZone} status={null} pushes={0} /> : <LivePage me={me} lane={lane} timeZone={timeZone} />;
}

function LivePage({ me, lane, timeZone }: { me: MeAnswer; lane: string; timeZone: string }) {
  const feed = useLaneFeed<RegisterView>(lanePath(lane));
  const { pushes } = useStockPushes(feed.connection);
  return <Page me={me} timeZone={timeZone} status={feed.status} pushes={pushes} />;
}

function Page({ me, timeZone, status, pushes }: { me: MeAnswer; timeZone: string; status: Parameters<typeof ConnectionBadge>[0]['status'] | null; pushes: number }) {
  return (
    <div class="housekeeping-page">
      <header class="topbar">
        <strong>{t('hk.title')}</strong>
        <span>{me.staff.display_name}</span>
        {status ? <ConnectionBadge status={status} label={t('app.reconnecting')} /> : null}
        <span class="who" />
        <LanguageToggle />
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>
          {t('staff.signOut')}
        </button>
      </header>
      <main>
        <Housekeeping role={me.staff.role} timeZone={timeZone} pushes={pushes} />
      </main>
    </div>
  );
}
