/**
 * One lane's register: the top bar (lane, employee, the live mirror of the kiosk, connection,
 * language), the identify panel (with the session's customer card below it, so the session
 * panel keeps its room for the steps and actions), the session panel, the inventory board and
 * the stays column (due board / housekeeping / upgrades, src/screens/stays/). The focus is
 * kept on the page (src/ui/focus.ts): a button that disappears with its action hands the
 * focus to the session's heading, or to the scanner when the lane is idle.
 */

import { useEffect, useRef } from 'preact/hooks';

import type { ApiError } from '../../api';
import { staleView } from '../../api';
import { useLaneFeed } from '../../ui/hooks';
import { keepFocus } from '../../ui/focus';
import { t } from '../../ui/language';
import { ConnectionBadge, LanguageToggle } from '../../ui/parts';
import type { RegisterView } from '../../wire';
import type { MeAnswer } from '../../wire-staff';
import { lanePath } from '../../ws/connection';
import { Board } from './board';
import { CustomerCard } from './customer-card';
import { LastSignedNote } from './last-signed';
import { IdentifyPanel } from './identify-panel';
import { mirrorLabel } from './mirror';
import { SessionPanel } from './session-panel';
import { RegisterStays } from '../stays/register-stays';
import { useStockPushes } from '../stays/stays-model';
import { useWaitlistPushes } from '../stays/waitlist-model';

/** Props of the desk. */
export interface DeskProps {
  lane: string;
  me: MeAnswer;
  timeZone: string;
  onSignOut: () => void;
  /** a manager ended this register session (the `register.ended` socket event) */
  onEnded?: () => void;
}

/** The register of `lane`. */
export function Desk({ lane, me, timeZone, onSignOut, onEnded }: DeskProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const target = (selector: string) => el.querySelector<HTMLElement>(selector);
    return keepFocus(el, () => target('[data-focus-home]') ?? target('[data-testid=scanner]'));
  }, []);
  const feed = useLaneFeed<RegisterView>(lanePath(lane));
  useEffect(() => feed.connection.onEvent((e) => e.type === 'register.ended' && e.lane === lane && onEnded?.()), [feed.connection, lane]);
  // inventory.changed: the due board, housekeeping and the inventory board reload
  const { pushes } = useStockPushes(feed.connection);
  // waitlist.changed: the upgrades panel reloads
  const waitlistPushes = useWaitlistPushes(feed.connection);
  const entry = feed.lanes.get(lane);
  const view = entry?.view;
  const session = view?.session ?? null;
  const live = session !== null && !['COMPLETED', 'CANCELLED'].includes(session.status);
  const onStale = (error: ApiError) => {
    const stale = staleView<RegisterView>(error);
    if (stale) feed.apply(lane, stale.rev, stale.view);
  };

  return (
    <div class="register" ref={root}>
      <header class="topbar">
        <strong>{view?.lane_name ?? lane}</strong>
        <span>{me.staff.display_name}</span>
        <span class="mirror" data-testid="mirror" role="status">
          {view ? mirrorLabel(view.kiosk) : t('staff.connecting')}
        </span>
        <ConnectionBadge status={feed.status} label={t('app.reconnecting')} />
        <span class="who" />
        <LanguageToggle />
        <button type="button" class="btn btn-secondary" onClick={onSignOut}>
          {t('staff.signOut')}
        </button>
      </header>
      <main class="desk">
        <div class="desk-left">
          <IdentifyPanel lane={lane} timeZone={timeZone} live={live} sessionCustomer={live ? (session?.customer ?? null) : null} />
          {live && session?.customer ? (
            <section class="panel" aria-label={t('reg.customer')} data-testid="session-customer">
              <CustomerCard customer={session.customer} timeZone={timeZone} />
              <LastSignedNote last={session.last_signed} timeZone={timeZone} />
            </section>
          ) : null}
        </div>
        {view && session && entry ? (
          <SessionPanel lane={lane} rev={entry.rev} view={view} session={session} timeZone={timeZone} onStale={onStale} />
        ) : (
          <section class="panel session empty" aria-label={t('reg.session')}>
            <p class="lead">{t('reg.noCustomer')}</p>
          </section>
        )}
        <Board rev={entry?.rev ?? 0} pushes={pushes} timeZone={timeZone} />
        <RegisterStays role={me.staff.role} lane={lane} timeZone={timeZone} pushes={pushes} waitlistPushes={waitlistPushes} />
      </main>
    </div>
  );
}
