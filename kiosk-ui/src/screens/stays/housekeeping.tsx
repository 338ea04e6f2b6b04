/**
 * Housekeeping: the rooms by status (dirty, being cleaned, clean, out of order, occupied),
 * several selected at once, one action per target status ("Start cleaning", "Mark clean",
 * "Mark dirty"; managers also "Out of order"). The batch's answer is shown per room — a
 * refusal in words from its code (src/i18n/errors.ts). A refused transition that a manager may
 * force offers "Override…": a written reason and the manager's PIN again (step-up). Live: the
 * rooms are read again on every `inventory.changed` push. Used by `/housekeeping` (a phone,
 * 360 px wide) and inside the register.
 */

import { useState } from 'preact/hooks';

import { api } from '../../ui/client';
import { useLoaded } from '../../ui/hooks';
import { currentLanguage, t } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import { describeRefusal } from '../../ui/refusal';
import type { InventoryStatus, StaffRole } from '../../wire-staff';
import type { BatchOutcome, UnitRefused } from '../../wire-stays';
import { StepUpConfirm } from '../manager/step-up';
import { BOARD_STATUS_NAMES } from '../register/board-model';
import { HOUSEKEEPING_GROUPS, roomsByStatus } from './stays-model';

/** The actions, by target status; `manager` ones only for managers. */
const ACTIONS: readonly { to: InventoryStatus; key: 'hk.startCleaning' | 'hk.markClean' | 'hk.markDirty' | 'hk.outOfOrder'; manager: boolean }[] = [
  { to: 'CLEANING', key: 'hk.startCleaning', manager: false },
  { to: 'CLEAN', key: 'hk.markClean', manager: false },
  { to: 'DIRTY', key: 'hk.markDirty', manager: false },
  { to: 'OUT_OF_ORDER', key: 'hk.outOfOrder', manager: true },
];

/** Which refusals a manager may force with a reason. */
const OVERRIDABLE = new Set(['OVERRIDE_REQUIRED']);

/** Props of the panel. */
export interface HousekeepingProps {
  role: StaffRole;
  timeZone: string;
  /** the number of `inventory.changed` pushes so far (a change reloads) */
  pushes: number;
}

function refusalWords(r: UnitRefused): string {
  const words = describeRefusal({ status: 409, code: r.code, message: r.message, details: {} }, { language: currentLanguage(), params: { number: r.number } });
  return `${words.message} ${words.next}`;
}

/** The panel (see the module header). */
export function Housekeeping({ role, timeZone, pushes }: HousekeepingProps) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{ to: InventoryStatus; outcome: BatchOutcome } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [overriding, setOverriding] = useState<{ refused: UnitRefused; to: InventoryStatus } | null>(null);
  const [reason, setReason] = useState('');
  const { value: board, error, setError } = useLoaded(() => api.inventory(), [pushes, reloads]);


  const groups = roomsByStatus(board?.units ?? []);
  const toggle = (number: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(number)) next.delete(number);
      else next.add(number);
      return next;
    });

  const apply = async (to: InventoryStatus) => {
    setBusy(true);
    setError(null);
    const units = [...selected].map((number) => ({ kind: 'ROOM' as const, number }));
    const answer = await api.setUnitStatus({ units, status: to });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setResult({ to, outcome: answer.value });
    // the changed rooms leave the selection; the refused stay selected
    setSelected(new Set(answer.value.refused.map((r) => r.number)));
    setReloads((n) => n + 1);
  };

  return (
    <section class="panel housekeeping" aria-labelledby="hk-title" data-testid="housekeeping">
      <h2 id="hk-title">{t('hk.title')}</h2>
      {HOUSEKEEPING_GROUPS.map((status) => {
        const rooms = groups.get(status) ?? [];
        return (
          <fieldset key={status} class="hk-group" data-status={status}>
            <legend>
              {BOARD_STATUS_NAMES[status]} ({rooms.length})
            </legend>
            {rooms.length === 0 ? <p class="note">{t('hk.noRooms')}</p> : null}
            <div class="hk-rooms">
              {rooms.map((u) => (
                <label key={u.number} class={`hk-room${selected.has(u.number) ? ' selected' : ''}`}>
                  <input type="checkbox" checked={selected.has(u.number)} data-testid={`hk-room-${u.number}`} onChange={() => toggle(u.number)} />
                  {u.number}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div class="hk-actions" role="group" aria-label={t('hk.actions')}>
        <p class="note" data-testid="hk-selected">
          {t('hk.selected', { count: selected.size })}
        </p>
        {ACTIONS.filter((a) => !a.manager || role === 'MANAGER').map((a) => (
          <button key={a.to} type="button" class="btn btn-primary" disabled={busy || selected.size === 0} data-testid={`hk-to-${a.to}`} onClick={() => void apply(a.to)}>
            {t(a.key)}
          </button>
        ))}
        {selected.size > 0 ? (
          <button type="button" class="btn btn-link" onClick={() => setSelected(new Set())}>
            {t('hk.clear')}
          </button>
        ) : null}
      </div>
      <ErrorNote error={error} timeZone={timeZone} testId="hk-error" />
      {result ? (
        <div role="status">
        <ul class="hk-result" aria-label={t('hk.result')} data-testid="hk-result">
          {result.outcome.changed.map((c) => (
            <li key={`ok-${c.number}`} class="ok" data-testid={`hk-changed-${c.number}`}>
              {t('hk.changed', { number: c.number, from: BOARD_STATUS_NAMES[c.from], to: BOARD_STATUS_NAMES[c.to] })}
              {c.overridden ? ` (${t('hk.overridden')})` : ''}
            </li>
          ))}
          {result.outcome.refused.map((r) => (
            <li key={`no-${r.number}`} class="warn" data-testid={`hk-refused-${r.number}`} data-code={r.code}>
              {t('hk.refused', { number: r.number })} {refusalWords(r)}
              {role === 'MANAGER' && OVERRIDABLE.has(r.code) ? (
                <button type="button" class="btn btn-secondary" data-testid={`hk-override-${r.number}`} onClick={() => {
                  setReason('');
                  setOverriding({ refused: r, to: result.to });
                }}>
                  {t('hk.override')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        </div>
      ) : null}
      {overriding ? (
        <StepUpConfirm
          question={t('hk.overrideQuestion', { number: overriding.refused.number, to: BOARD_STATUS_NAMES[overriding.to] })}
          confirmLabel={t('hk.overrideConfirm')}
          ready={reason.trim().length > 0}
          timeZone={timeZone}
          testId="hk-override"
          action={async () => {
            const answer = await api.setUnitStatus({ units: [{ kind: 'ROOM', number: overriding.refused.number }], status: overriding.to, override_reason: reason.trim() });
            if (answer.ok) setResult({ to: overriding.to, outcome: answer.value });
            return answer;
          }}
          onDone={() => {
            setOverriding(null);
            setSelected(new Set());
            setReloads((n) => n + 1);
          }}
          onCancel={() => setOverriding(null)}
        >
          <label>
            {t('hk.reason')}
            <textarea value={reason} maxLength={500} data-testid="hk-override-reason" onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        </StepUpConfirm>
      ) : null}
    </section>
  );
}
