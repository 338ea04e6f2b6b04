/**
 * The live lane monitor: every lane's register view from `/ws/monitor`, one row each. The
 * kiosk column says "No tablet paired" for a lane without a paired tablet (`GET /api/devices`,
 * read on opening and every 30 s). Above it, the units per status, live (`inventory.changed`).
 */

import { useEffect, useState } from 'preact/hooks';


import { formatMoney } from '../../i18n';
import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { useLaneFeed } from '../../ui/hooks';
import { ConnectionBadge, TableHead } from '../../ui/parts';
import type { RegisterView } from '../../wire';
import { MONITOR_PATH } from '../../ws/connection';
import { RENTAL_NAMES, STATUS_NAMES } from '../register/labels';
import { kioskColumn, pairedLanes } from '../register/mirror';
import { StockCounts } from '../stays/stock-counts';
import { useStockPushes } from '../stays/stays-model';

/** How often the paired tablets are read again (ms). */
export const DEVICES_REFRESH_MS = 30_000;

/** The monitor table. */
export function LaneMonitor({ timeZone }: { timeZone: string }) {
  const feed = useLaneFeed<RegisterView>(MONITOR_PATH);
  const { stock } = useStockPushes(feed.connection);
  const lanes = [...feed.lanes.values()].sort((a, b) => a.lane.localeCompare(b.lane));
  const [paired, setPaired] = useState<Set<string> | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      void api.devices().then((answer) => {
        if (current && answer.ok) setPaired(pairedLanes(answer.value));
      });
    load();
    const timer = setInterval(load, DEVICES_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <>
      <StockCounts stock={stock} />
      <section class="panel" data-testid="monitor">
        <h2>
          {t('mgr.lanes')} <ConnectionBadge status={feed.status} label={t('app.reconnecting')} />
        </h2>
        <table class="grid">
          <TableHead labels={[t('mgr.col.lane'), t('mgr.col.status'), t('mgr.col.customer'), t('mgr.col.kiosk'), t('mgr.col.selection'), t('mgr.col.total'), t('mgr.col.since')]} />
          <tbody>
            {lanes.map(({ lane, view }) => {
              const s = view.session;
              return (
                <tr key={lane} data-lane={lane}>
                  <th scope="row">{view.lane_name}</th>
                  <td>{STATUS_NAMES[view.status]}</td>
                  <td>{s?.customer?.name ?? '—'}</td>
                  <td data-testid="monitor-kiosk">{kioskColumn(lane, view.kiosk, paired)}</td>
                  <td>{s?.proposed_rental_type ? RENTAL_NAMES[s.proposed_rental_type] : '—'}{s?.held ? ` · ${s.held.number}` : ''}</td>
                  <td>{s?.quote ? formatMoney(s.quote.total_cents) : '—'}</td>
                  <td>{s ? timeAt(s.started_at, timeZone) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {lanes.length === 0 ? <p class="note">{t('mgr.waitingLanes')}</p> : null}
      </section>
    </>
  );
}
