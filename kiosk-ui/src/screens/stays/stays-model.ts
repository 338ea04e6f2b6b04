/**
 * The due board's and housekeeping's pure parts: the countdown of a stay, a typed unit
 * ("Room 214", "214", "locker 12") matched to an open stay, the push counter of
 * `inventory.changed`, and which rooms housekeeping shows under which status.
 */

import { useEffect, useState } from 'preact/hooks';

import type { MessageKey, Params } from '../../i18n';
import { createStore } from '../../store';
import type { RentalType, ResourceType, ServerEvent } from '../../wire';
import type { BoardUnit, InventoryStatus } from '../../wire-staff';
import type { OpenStay, Stock } from '../../wire-stays';

/** How often the countdowns are redrawn (ms); the data itself comes with the pushes. */
export const COUNTDOWN_TICK_MS = 30_000;

/** A duration in minutes as `1 h 05 min` / `45 min`. */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The countdown of a stay at `now` (ms): a key and its parameters. */
export function countdown(stay: Pick<OpenStay, 'checkout_at'>, now: number): { key: MessageKey; params: Params } {
  const minutes = (Date.parse(stay.checkout_at) - now) / 60_000;
  return minutes < 0 ? { key: 'stay.lateBy', params: { time: duration(-minutes) } } : { key: 'stay.dueIn', params: { time: duration(minutes) } };
}

/** A unit as typed at the desk. */
export interface TypedUnit {
  kind: ResourceType | null;
  number: string;
}

const ROOM_WORDS = ['room', 'habitación', 'habitacion', 'hab', 'r'];
const LOCKER_WORDS = ['locker', 'casillero', 'l'];

/** `"Room 214"`, `"214"`, `"locker 12"`, `"#214"` → the unit; null when it is not a unit. */
export function parseUnit(text: string): TypedUnit | null {
  const match = /^\s*([a-záéíóúñ]*)\.?\s*#?\s*([0-9a-z-]{1,12})\s*$/i.exec(text);
  if (!match) return null;
  const word = (match[1] ?? '').toLowerCase();
  const number = (match[2] ?? '').toUpperCase();
  if (word === '') return { kind: null, number };
  if (ROOM_WORDS.includes(word)) return { kind: 'ROOM', number };
  if (LOCKER_WORDS.includes(word)) return { kind: 'LOCKER', number };
  return null;
}

function sameNumber(a: string, b: string): boolean {
  if (a.toUpperCase() === b.toUpperCase()) return true;
  // lockers are "012": "12" means the same locker
  return /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b);
}

/** The open stays on the typed unit (a room first when the kind was not said). */
export function findStays(stays: readonly OpenStay[], unit: TypedUnit): OpenStay[] {
  return stays
    .filter((s) => (unit.kind === null || s.kind === unit.kind) && sameNumber(s.number, unit.number))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'ROOM' ? -1 : 1));
}

/** Counts `inventory.changed` pushes on a connection (a dependency that reloads), with the last stock. */
export function useStockPushes(connection: { onEvent(listener: (event: ServerEvent) => void): () => void } | null): { pushes: number; stock: Stock | null } {
  const [state, setState] = useState<{ pushes: number; stock: Stock | null }>({ pushes: 0, stock: null });
  useEffect(() => {
    if (!connection) return;
    return connection.onEvent((event) => {
      if (event.type === 'inventory.changed') setState((s) => ({ pushes: s.pushes + 1, stock: event.data }));
    });
  }, [connection]);
  return state;
}

/** A local tick that only redraws countdowns. */
export function useNow(everyMs = COUNTDOWN_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The statuses housekeeping groups rooms by, in order. */
export const HOUSEKEEPING_GROUPS: readonly InventoryStatus[] = ['DIRTY', 'CLEANING', 'CLEAN', 'OUT_OF_ORDER', 'OCCUPIED'];

/** Rooms grouped by status (numbers in order). */
export function roomsByStatus(units: readonly BoardUnit[]): Map<InventoryStatus, BoardUnit[]> {
  const groups = new Map<InventoryStatus, BoardUnit[]>(HOUSEKEEPING_GROUPS.map((s) => [s, []]));
  for (const unit of units) if (unit.kind === 'ROOM') groups.get(unit.status)?.push(unit);
  for (const list of groups.values()) list.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  return groups;
}

/** A checkout asked from elsewhere on the page (the inventory board's occupied unit). */
export const checkoutAsked = createStore<{ kind: ResourceType; number: string; at: number } | null>(null);

/** Asks the due board to open the checkout of `kind` `number`. */
export function askCheckout(kind: ResourceType, number: string): void {
  checkoutAsked.set({ kind, number, at: Date.now() });
}

/** The options with the pushed stock's availability (a sold-out option shows sold out at once). */
export function withStock<O extends { rental_type: RentalType; available: number }>(options: readonly O[], stock: Stock | null): O[] {
  if (!stock) return [...options];
  return options.map((o) => {
    const available = stock.available[o.rental_type];
    return typeof available === 'number' ? { ...o, available } : o;
  });
}

/** The fee a 409 LATE_FEE_CHANGED / LATE_FEE_DECISION_NEEDED carries (null for any other refusal). */
export function feeOfRefusal(error: { code: string; details: Record<string, unknown> }): { minutes: number; cents: number; ban: boolean } | null {
  if (error.code !== 'LATE_FEE_CHANGED' && error.code !== 'LATE_FEE_DECISION_NEEDED') return null;
  const { late_fee_cents: cents, minutes_late: minutes, late_ban: ban } = error.details;
  if (typeof cents !== 'number' || typeof minutes !== 'number') return null;
  return { cents, minutes, ban: ban === true };
}
