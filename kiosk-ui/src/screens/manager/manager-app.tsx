/**
 * The manager's desktop: sign-in, then the lane monitor, signatures and kiosk pairing.
 */

import { useEffect } from 'preact/hooks';

import { DEFAULT_TIME_ZONE } from '../../i18n';
import { useReadable } from '../../ui/hooks';
import { PinSignIn } from '../../ui/pin-sign-in';
import { refreshStaff, signOut, staffSession } from '../../ui/staff-session';
import { KioskPairing } from './kiosks';
import { LaneMonitor } from './monitor';
import { navigate, route, watchLocation, type ManagerRoute } from './route';
import { SignatureList, SignatureView } from './signatures';

const TABS: readonly [ManagerRoute, string][] = [
  [{ page: 'lanes' }, 'Lanes'],
  [{ page: 'signatures', filters: {} }, 'Signatures'],
  [{ page: 'kiosks' }, 'Kiosks'],
];

/** The manager page. */
export function ManagerApp({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const me = useReadable(staffSession);
  const current = useReadable(route);
  useEffect(() => void refreshStaff(), []);
  useEffect(() => watchLocation(), []);
  if (me === undefined) return <div class="manager" />;
  if (me === null) return <div class="center"><PinSignIn title="Manager sign-in" timeZone={timeZone} onSignedIn={() => void refreshStaff()} /></div>;
  if (me.staff.role !== 'MANAGER') {
    return (
      <div class="center card">
        <p>{me.staff.display_name} is not a manager.</p>
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>Sign out</button>
      </div>
    );
  }
  const active = current.page === 'signature' ? 'signatures' : current.page;
  return (
    <div class="manager">
      <header class="topbar">
        <strong>Manager</strong>
        <nav>
          {TABS.map(([to, label]) => (
            <button type="button" key={label} class={`tab ${active === to.page ? 'active' : ''}`} aria-current={active === to.page ? 'page' : undefined} data-testid={`tab-${to.page}`} onClick={() => navigate(to)}>
              {label}
            </button>
          ))}
        </nav>
        <span class="who">{me.staff.display_name}</span>
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>Sign out</button>
      </header>
      <main class="manager-body">
        {current.page === 'lanes' ? <LaneMonitor timeZone={timeZone} /> : null}
        {current.page === 'signatures' ? <SignatureList filters={current.filters} timeZone={timeZone} /> : null}
        {current.page === 'signature' ? <SignatureView id={current.id} timeZone={timeZone} /> : null}
        {current.page === 'kiosks' ? <KioskPairing timeZone={timeZone} /> : null}
      </main>
    </div>
  );
}
