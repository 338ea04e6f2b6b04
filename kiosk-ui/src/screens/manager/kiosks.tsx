/**
 * Pairing a kiosk: the manager confirms their PIN (step-up), picks a lane and reads the
 * one-time code (valid 10 minutes) to type on the tablet.
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import type { LaneSummary, PairingCode } from '../../wire-staff';

/** The pairing page. */
export function KioskPairing({ timeZone }: { timeZone: string }) {
  const [lanes, setLanes] = useState<LaneSummary[]>([]);
  const [lane, setLane] = useState('');
  const [pin, setPin] = useState('');
  const [code, setCode] = useState<PairingCode | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void api.lanes().then((a) => {
      if (!a.ok) return setError(a.error);
      setLanes(a.value);
      setLane(a.value[0]?.id ?? '');
    });
  }, []);
  const issue = async () => {
    setError(null);
    const up = await api.stepUp(pin);
    setPin('');
    if (!up.ok) return setError(up.error);
    const made = await api.issuePairingCode(lane);
    if (made.ok) setCode(made.value);
    else setError(made.error);
  };
  return (
    <section class="panel" data-testid="kiosk-pairing">
      <h2>{t('mgr.pairKiosk')}</h2>
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        void issue();
      }}>
        <label>
          {t('mgr.lane')}
          <select value={lane} onChange={(e) => setLane(e.currentTarget.value)} data-testid="pair-lane">
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('mgr.yourPin')}
          <input type="password" inputMode="numeric" maxLength={6} value={pin} data-testid="pair-pin" onInput={(e) => setPin(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-primary" data-testid="issue-code" disabled={pin.length !== 6 || lane === ''}>
          {t('mgr.createCode')}
        </button>
      </form>
      <ErrorNote error={error} timeZone={timeZone} testId="pairing-error" />
      {code ? (
        <p class="pairing-code">
          {t('mgr.codeFor', { lane: lanes.find((l) => l.id === code.lane_id)?.name ?? code.lane_id })} <strong data-testid="pairing-code">{code.code}</strong>{' '}
          {t('mgr.codeUntil', { time: timeAt(code.expires_at, timeZone) })}
        </p>
      ) : null}
    </section>
  );
}
