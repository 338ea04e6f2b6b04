/**
 * One lane's register: the top bar (lane, employee, the live mirror of the kiosk, connection),
 * the identify panel, the session panel and the inventory board.
 */

import type { ApiError } from '../../api';
import { staleView } from '../../api';
import { useLaneFeed } from '../../ui/hooks';
import { ConnectionBadge } from '../../ui/parts';
import type { RegisterView } from '../../wire';
import type { MeAnswer } from '../../wire-staff';
import { lanePath } from '../../ws/connection';
import { Board } from './board';
import { IdentifyPanel } from './identify-panel';
import { mirrorLabel } from './mirror';
import { SessionPanel } from './session-panel';

/** Props of the desk. */
export interface DeskProps {
  lane: string;
  me: MeAnswer;
  timeZone: string;
  onSignOut: () => void;
}

/** The register of `lane`. */
export function Desk({ lane, me, timeZone, onSignOut }: DeskProps) {
  const feed = useLaneFeed<RegisterView>(lanePath(lane));
  const entry = feed.lanes.get(lane);
  const view = entry?.view;
  const session = view?.session ?? null;
  const live = session !== null && !['COMPLETED', 'CANCELLED'].includes(session.status);
  const onStale = (error: ApiError) => {
    const stale = staleView<RegisterView>(error);
    if (stale) feed.apply(lane, stale.rev, stale.view);
  };

  return (
    <div class="register">
      <header class="topbar">
        <strong>{view?.lane_name ?? lane}</strong>
        <span>{me.staff.display_name}</span>
        <span class="mirror" data-testid="mirror">
          {view ? mirrorLabel(view.kiosk) : 'Connecting…'}
        </span>
        <ConnectionBadge status={feed.status} label="Reconnecting…" />
        <span class="who" />
        <button type="button" class="btn btn-secondary" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <div class="desk">
        <IdentifyPanel lane={lane} timeZone={timeZone} live={live} sessionCustomer={live ? (session?.customer ?? null) : null} />
        {view && session && entry ? (
          <SessionPanel lane={lane} rev={entry.rev} view={view} session={session} timeZone={timeZone} onStale={onStale} />
        ) : (
          <section class="panel session empty">
            <p class="lead">No customer at this lane. Scan an ID or search.</p>
          </section>
        )}
        <Board rev={entry?.rev ?? 0} timeZone={timeZone} />
      </div>
    </div>
  );
}
