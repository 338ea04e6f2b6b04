/**
 * The register's stays column: the due board, or housekeeping, switched with two buttons
 * (aria-pressed). Both reload on the lane socket's `inventory.changed` pushes.
 */

import { useState } from 'preact/hooks';

import { t } from '../../ui/language';
import type { StaffRole } from '../../wire-staff';
import { DueBoard } from './due-board';
import { Housekeeping } from './housekeeping';

/** Props of the column. */
export interface RegisterStaysProps {
  role: StaffRole;
  /** the register's lane (renewals open there) */
  lane: string;
  timeZone: string;
  pushes: number;
}

/** The column (see the module header). */
export function RegisterStays({ role, lane, timeZone, pushes }: RegisterStaysProps) {
  const [tab, setTab] = useState<'due' | 'housekeeping'>('due');
  return (
    <div class="register-stays">
      <div class="stays-switch" role="group" aria-label={t('stay.switch')}>
        <button type="button" class="btn btn-secondary" aria-pressed={tab === 'due'} data-testid="tab-due" onClick={() => setTab('due')}>
          {t('stay.dueTitle')}
        </button>
        <button type="button" class="btn btn-secondary" aria-pressed={tab === 'housekeeping'} data-testid="tab-housekeeping" onClick={() => setTab('housekeeping')}>
          {t('hk.title')}
        </button>
      </div>
      {tab === 'due' ? <DueBoard timeZone={timeZone} pushes={pushes} lane={lane} /> : <Housekeeping role={role} timeZone={timeZone} pushes={pushes} />}
    </div>
  );
}
