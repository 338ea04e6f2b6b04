/**
 * The paired tablets (`GET /api/devices`): name, lane, paired at, last seen (the server writes
 * it at most once a minute) and status, each active one with Revoke behind the manager's PIN.
 * A revoked tablet's socket is closed by the server at once and it shows pairing again.
 */

import { useEffect, useState } from 'preact/hooks';

import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { TableHead } from '../../ui/parts';
import type { ManagedDevice } from '../../wire-manager';
import { useLaneNames } from './names';
import { StepUpConfirm } from './step-up';

/** How often the list is read again while open (ms), so "last seen" moves. */
export const DEVICE_LIST_REFRESH_MS = 30_000;

/** The tablets table. */
export function DeviceList({ timeZone }: { timeZone: string }) {
  const [devices, setDevices] = useState<ManagedDevice[] | null>(null);
  const [revoking, setRevoking] = useState<ManagedDevice | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const lanes = useLaneNames();
  const load = () => void api.managedDevices().then((a) => a.ok && setDevices(a.value));
  useEffect(() => {
    load();
    const timer = setInterval(load, DEVICE_LIST_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const lane = (id: string) => lanes.get(id) ?? id;
  return (
    <section class="panel" data-testid="device-list">
      <h2>{t('man.devices.title')}</h2>
      {done ? <p class="ok" role="status" data-testid="device-result">{done}</p> : null}
      <table class="grid">
        <TableHead labels={[t('man.devices.name'), t('mgr.col.lane'), t('man.devices.pairedAt'), t('man.devices.lastSeen'), t('mgr.col.status'), t('man.actions')]} />
        <tbody>
          {(devices ?? []).map((d) => (
            <tr key={d.id} data-device={d.id} data-testid="device-row">
              <th scope="row">{d.name}</th>
              <td>{lane(d.lane_id)}</td>
              <td>{timeAt(d.paired_at, timeZone)}</td>
              <td>{d.last_seen_at ? timeAt(d.last_seen_at, timeZone) : t('man.devices.never')}</td>
              <td data-testid="device-status">{d.revoked_at ? t('man.devices.revoked', { time: timeAt(d.revoked_at, timeZone) }) : t('man.devices.paired')}</td>
              <td>
                {d.revoked_at ? null : (
                  <button type="button" class="btn btn-secondary" data-testid="revoke" aria-label={t('man.devices.revokeNamed', { name: d.name })} onClick={() => {
                    setDone(null);
                    setRevoking(d);
                  }}>
                    {t('man.devices.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {devices && devices.length === 0 ? <p class="note">{t('man.devices.none')}</p> : null}
      {revoking ? (
        <StepUpConfirm
          question={t('man.devices.confirm', { name: revoking.name, lane: lane(revoking.lane_id) })}
          confirmLabel={t('man.devices.revoke')}
          action={() => api.revokeDevice(revoking.id)}
          onDone={() => {
            setDone(t('man.devices.done', { name: revoking.name }));
            setRevoking(null);
            load();
          }}
          onCancel={() => setRevoking(null)}
          timeZone={timeZone}
          testId="revoke-box"
        />
      ) : null}
    </section>
  );
}
