/**
 * The manager monitor's stock: rooms and lockers per status and the rentals free for a
 * check-in, live from `inventory.changed` (the first numbers from `GET /api/inventory`, so the
 * table is full before the first push).
 */

import { useEffect, useState } from 'preact/hooks';

import { api } from '../../ui/client';
import { t } from '../../ui/language';
import { TableHead } from '../../ui/parts';
import { RENTAL_TYPES } from '../../wire';
import type { InventoryStatus } from '../../wire-staff';
import type { Stock } from '../../wire-stays';
import { BOARD_STATUS_NAMES } from '../register/board-model';
import { RENTAL_NAMES } from '../register/labels';

const STATUSES: readonly InventoryStatus[] = ['CLEAN', 'OCCUPIED', 'DIRTY', 'CLEANING', 'OUT_OF_ORDER'];

/** Units per status from the board (before the first push). */
function fromBoard(units: readonly { kind: string; status: InventoryStatus }[]): Pick<Stock, 'rooms' | 'lockers'> {
  const rooms: Partial<Record<InventoryStatus, number>> = {};
  const lockers: Partial<Record<InventoryStatus, number>> = {};
  for (const u of units) {
    const into = u.kind === 'ROOM' ? rooms : lockers;
    into[u.status] = (into[u.status] ?? 0) + 1;
  }
  return { rooms, lockers };
}

/** The counts; `stock` is the last pushed one (null before any push). */
export function StockCounts({ stock }: { stock: Stock | null }) {
  const [initial, setInitial] = useState<Pick<Stock, 'rooms' | 'lockers'> | null>(null);
  useEffect(() => {
    void api.inventory().then((a) => a.ok && setInitial(fromBoard(a.value.units)));
  }, []);
  const shown = stock ?? initial;
  return (
    <section class="panel" aria-labelledby="stock-title" data-testid="stock-counts">
      <h2 id="stock-title">{t('mon.stock')}</h2>
      <table class="grid">
        <TableHead labels={[t('mon.units'), ...STATUSES.map((s) => BOARD_STATUS_NAMES[s])]} />
        <tbody>
          {(['rooms', 'lockers'] as const).map((group) => (
            <tr key={group} data-group={group}>
              <th scope="row">{t(group === 'rooms' ? 'mon.rooms' : 'mon.lockers')}</th>
              {STATUSES.map((s) => (
                <td key={s} data-status={s}>
                  {shown ? (shown[group][s] ?? 0) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {stock ? (
        <p data-testid="stock-available">
          {t('mon.available')}: {RENTAL_TYPES.map((r) => `${RENTAL_NAMES[r]} ${stock.available[r] ?? 0}`).join(' · ')}
        </p>
      ) : null}
    </section>
  );
}
