/**
 * The open registers (`GET /api/registers`): each lane's employee and since when, with "End
 * register session" behind a reason and the manager's PIN (the server audits it as
 * `REGISTER_FORCE_SIGN_OUT` and tells that register screen, which goes back to its lanes).
 */

import { useEffect, useState } from 'preact/hooks';

import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { TableHead } from '../../ui/parts';
import type { OpenRegister } from '../../wire-manager';
import { useActorNames, useLaneNames } from './names';
import { StepUpConfirm } from './step-up';

/** How often the registers are read again (ms); an ended one is also re-read at once. */
export const REGISTERS_REFRESH_MS = 15_000;

/** The registers table of the lane monitor. */
export function RegisterList({ timeZone }: { timeZone: string }) {
  const [open, setOpen] = useState<OpenRegister[] | null>(null);
  const [ending, setEnding] = useState<OpenRegister | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const lanes = useLaneNames();
  const { names: people, refresh } = useActorNames();
  const load = () => void api.openRegisters().then((a) => a.ok && setOpen(a.value));
  // an employee added after the names were read: read them again
  const unknown = (open ?? []).some((r) => !people.has(r.staff_id));
  useEffect(() => {
    if (unknown && people.size > 0) refresh();
  }, [unknown, open]);
  useEffect(() => {
    load();
    const timer = setInterval(load, REGISTERS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const lane = (id: string) => lanes.get(id) ?? id;
  // the server's limits for a reason: 1–500 characters
  const reasonOk = reason.trim() !== '' && reason.length <= 500;
  const rows = [...(open ?? [])].sort((a, b) => a.lane_id.localeCompare(b.lane_id, undefined, { numeric: true }));
  return (
    <section class="panel" data-testid="register-list">
      <h2>{t('man.reg.title')}</h2>
      {done ? <p class="ok" role="status" data-testid="register-result">{done}</p> : null}
      <table class="grid">
        <TableHead labels={[t('mgr.col.lane'), t('mgr.col.employee'), t('mgr.col.since'), t('man.actions')]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-register-lane={r.lane_id} data-testid="register-row">
              <th scope="row">{lane(r.lane_id)}</th>
              <td data-testid="register-employee">{people.get(r.staff_id) ?? '—'}</td>
              <td>{timeAt(r.started_at, timeZone)}</td>
              <td>
                <button type="button" class="btn btn-secondary" data-testid="end-register" onClick={() => {
                  setDone(null);
                  setReason('');
                  setEnding(r);
                }}>
                  {t('man.reg.end')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && open.length === 0 ? <p class="note" data-testid="no-registers">{t('man.reg.none')}</p> : null}
      {ending ? (
        <StepUpConfirm
          question={t('man.reg.confirm', { lane: lane(ending.lane_id), name: people.get(ending.staff_id) ?? '—' })}
          confirmLabel={t('man.reg.end')}
          action={() => api.forceSignOut(ending.lane_id, reason.trim())}
          ready={reasonOk}
          onDone={() => {
            setDone(t('man.reg.done', { lane: lane(ending.lane_id) }));
            setEnding(null);
            load();
          }}
          onCancel={() => setEnding(null)}
          timeZone={timeZone}
          testId="end-box"
        >
          <label>
            {t('man.reg.reason')}
            <input type="text" maxLength={500} value={reason} data-testid="end-reason" onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        </StepUpConfirm>
      ) : null}
    </section>
  );
}
