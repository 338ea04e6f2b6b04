/**
 * The inventory board: rooms and lockers by tier and status with counts, overdue and due-soon
 * stays highlighted, search by number or name. Live: it reloads whenever the lane's view
 * changes (every hold, assignment and completion moves the lane's revision), on every
 * `inventory.changed` push, and every 15 s. An occupied unit found has "Check out" (the due
 * board's dialog).
 */

import { useEffect, useState } from 'preact/hooks';

import { api } from '../../ui/client';
import { useLoaded } from '../../ui/hooks';
import { t, timeAt } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import { BOARD_STATUS_NAMES, BOARD_STATUSES, boardStatus, countByTier, watchList } from './board-model';
import { RENTAL_NAMES } from './labels';
import { askCheckout } from '../stays/stays-model';

/** How often the board reloads without a lane change (ms). */
export const BOARD_REFRESH_MS = 15_000;

/** The board; `rev` is the lane's revision and `pushes` counts `inventory.changed` (a change of either reloads it). */
export function Board({ rev, pushes = 0, timeZone }: { rev: number; pushes?: number; timeZone: string }) {
  const [query, setQuery] = useState('');
  const [tick, setTick] = useState(0);
  const { value: board, error } = useLoaded(() => api.inventory(), [rev, pushes, tick]);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), BOARD_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const units = board?.units ?? [];
  const q = query.trim().toLowerCase();
  const matches = q === '' ? [] : units.filter((u) => u.number.toLowerCase().includes(q) || (u.customer_name ?? '').toLowerCase().includes(q)).slice(0, 12);
  const watch = watchList(units);

  return (
    <section class="panel board" aria-labelledby="board-title" data-testid="board">
      <h2 id="board-title">{t('reg.inventory')}</h2>
      <table class="counts">
        <thead>
          <tr>
            <th scope="col">{t('reg.tier')}</th>
            {BOARD_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {BOARD_STATUS_NAMES[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {countByTier(units).map((row) => (
            <tr key={row.tier} data-tier={row.tier}>
              <th scope="row">{RENTAL_NAMES[row.tier]}</th>
              {BOARD_STATUSES.map((s) => (
                <td key={s} data-status={s}>
                  {row.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {watch.length > 0 ? (
        <ul class="watch" aria-label={t('reg.watch')}>
          {watch.map((u) => (
            <li key={`${u.kind}-${u.number}`} class={u.overdue ? 'overdue' : 'due-soon'}>
              {u.number} {u.customer_name ?? ''} · {t(u.overdue ? 'reg.overdueAt' : 'reg.dueAt', { time: u.checkout_at ? timeAt(u.checkout_at, timeZone) : '' }).trim()}
            </li>
          ))}
        </ul>
      ) : null}
      <input type="search" aria-label={t('reg.findUnit')} placeholder={t('reg.findUnit')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="board-search" />
      {matches.length > 0 ? (
        <ul class="matches" aria-label={t('reg.unitsFound')} data-testid="board-matches">
          {matches.map((u) => (
            <li key={`${u.kind}-${u.number}`} class={u.overdue ? 'overdue' : u.due_soon ? 'due-soon' : ''}>
              <strong>{u.number}</strong> {RENTAL_NAMES[u.tier]} · {BOARD_STATUS_NAMES[boardStatus(u)]}
              {u.customer_name ? ` · ${u.customer_name}` : ''}
              {u.checkout_at ? ` · ${t('reg.outAt', { time: timeAt(u.checkout_at, timeZone) })}` : ''}
              {u.status === 'OCCUPIED' ? (
                <button type="button" class="btn btn-link" data-testid={`board-checkout-${u.number}`} onClick={() => askCheckout(u.kind, u.number)}>
                  {t('stay.checkOut')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} />
    </section>
  );
}
