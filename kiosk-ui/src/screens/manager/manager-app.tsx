/**
 * The manager's desktop: sign-in, then the lane monitor, signatures (with the evidence desk:
 * certificates, exports, verifying a certificate), kiosk pairing, staff, the audit log and the
 * reports.
 */

import { useEffect } from 'preact/hooks';

import { DEFAULT_TIME_ZONE, type MessageKey } from '../../i18n';
import { useReadable } from '../../ui/hooks';
import { staffLanguage, t } from '../../ui/language';
import { LanguageToggle } from '../../ui/parts';
import { PinSignIn } from '../../ui/pin-sign-in';
import { refreshStaff, signOut, staffSession } from '../../ui/staff-session';
import { AgreementsTab } from './agreements';
import { AuditTab } from './audit';
import { DeviceList } from './devices';
import { KioskPairing } from './kiosks';
import { RegisterList } from './registers';
import { StaffTab } from './staff';
import { LaneMonitor } from './monitor';
import { ReportsTab } from './reports';
import { navigate, route, watchLocation, type ManagerRoute } from './route';
import { SignatureList, SignatureView } from './signatures';
import { VerifyPage } from './verify';

const TABS: readonly [ManagerRoute, MessageKey][] = [
  [{ page: 'lanes' }, 'mgr.tab.lanes'],
  [{ page: 'signatures', filters: {} }, 'mgr.tab.signatures'],
  [{ page: 'verify' }, 'ev.tab'],
  [{ page: 'kiosks' }, 'mgr.tab.kiosks'],
  [{ page: 'staff' }, 'man.tab.staff'],
  [{ page: 'agreements' }, 'man.tab.agreements'],
  [{ page: 'audit', filters: {} }, 'man.tab.audit'],
  [{ page: 'reports', filters: {} }, 'rep.tab'],
];

/** The manager page. */
export function ManagerApp({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const me = useReadable(staffSession);
  const current = useReadable(route);
  // a language switch re-renders the whole screen (its strings are read at render)
  useReadable(staffLanguage);
  useEffect(() => void refreshStaff(), []);
  useEffect(() => watchLocation(), []);
  if (me === undefined) return <div class="manager" />;
  if (me === null) return <main class="center"><PinSignIn title={t('staff.signInManager')} timeZone={timeZone} onSignedIn={() => void refreshStaff()} /></main>;
  if (me.staff.role !== 'MANAGER') {
    return (
      <main class="center card">
        <p>{t('mgr.notManager', { name: me.staff.display_name })}</p>
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>{t('staff.signOut')}</button>
      </main>
    );
  }
  const active = current.page === 'signature' ? 'signatures' : current.page;
  return (
    <div class="manager">
      <header class="topbar">
        <strong>{t('mgr.title')}</strong>
        <nav aria-label={t('mgr.sections')}>
          {TABS.map(([to, label]) => (
            <button type="button" key={label} class={`tab ${active === to.page ? 'active' : ''}`} aria-current={active === to.page ? 'page' : undefined} data-testid={`tab-${to.page}`} onClick={() => navigate(to)}>
              {t(label)}
            </button>
          ))}
        </nav>
        <span class="who">{me.staff.display_name}</span>
        <LanguageToggle />
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>{t('staff.signOut')}</button>
      </header>
      <main class="manager-body">
        {current.page === 'lanes' ? <LaneMonitor timeZone={timeZone} /> : null}
        {current.page === 'lanes' ? <RegisterList timeZone={timeZone} /> : null}
        {current.page === 'signatures' ? <SignatureList filters={current.filters} timeZone={timeZone} /> : null}
        {current.page === 'signature' ? <SignatureView id={current.id} timeZone={timeZone} /> : null}
        {current.page === 'verify' ? <VerifyPage timeZone={timeZone} /> : null}
        {current.page === 'kiosks' ? <KioskPairing timeZone={timeZone} /> : null}
        {current.page === 'kiosks' ? <DeviceList timeZone={timeZone} /> : null}
        {current.page === 'staff' ? <StaffTab timeZone={timeZone} /> : null}
        {current.page === 'agreements' ? <AgreementsTab timeZone={timeZone} /> : null}
        {current.page === 'audit' ? <AuditTab filters={current.filters} timeZone={timeZone} /> : null}
        {current.page === 'reports' ? <ReportsTab filters={current.filters} timeZone={timeZone} /> : null}
      </main>
    </div>
  );
}
