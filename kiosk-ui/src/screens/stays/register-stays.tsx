/**
 * The register's stays column: the due board, housekeeping or the upgrade waitlist, switched
 * with buttons (aria-pressed). All reload on the lane socket's `inventory.changed` pushes; the
 * waitlist also on `waitlist.changed`.
 */

import { useState } from 'preact/hooks';

import { t } from '../../ui/language';
import type { StaffRole } from '../../wire-staff';
import { DueBoard } from './due-board';
import { Housekeeping } from './housekeeping';
import { WaitlistPanel } from './waitlist-panel';

/** Props of the column. */
export interface RegisterStaysProps {
  role: StaffRole;
  /** the register's lane (renewals open there) */
  lane: string;
  timeZone: string;
  pushes: number;
  /** the number of `waitlist.changed` pushes so far */
  waitlistPushes?: number;
}

/** The column (see the module header). */
export function RegisterStays({ role, lane, timeZone, pushes, waitlistPushes = 0 }: RegisterStaysProps) {
  const [tab, setTab] = useState<'due' | 'housekeeping' | 'upgrades'>('due');
  return (
    <div class="register-stays">
      <div class="stays-switch" role="group" aria-label={t('stay.switch')}>
        <button type="button" class="btn btn-secondary" aria-pressed={tab === 'due'} data-testid="tab-due" onClick={() => setTab('due')}>
          {t('stay.dueTitle')}
        </button>
        <button type="button" class="btn btn-secondary" aria-pressed={tab === 'housekeeping'} data-testid="tab-housekeeping" onClick={() => setTab('housekeeping')}>
          {t('hk.title')}
        </button>
        <button type="button" class="btn btn-secondary" aria-pressed={tab === 'upgrades'} data-testid="tab-upgrades" onClick={() => setTab('upgrades')}>
          {t('upgrade.tab')}
        </button>
      </div>
      {tab === 'due' ? <DueBoard timeZone={timeZone} pushes={pushes} lane={lane} /> : null}
      {tab === 'housekeeping' ? <Housekeeping role={role} timeZone={timeZone} pushes={pushes} /> : null}
      {tab === 'upgrades' ? <WaitlistPanel timeZone={timeZone} pushes={pushes + waitlistPushes} /> : null}
    </div>
  );
}
