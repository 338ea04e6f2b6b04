/**
 * The inventory board's numbers: units counted by kind, tier and status (a held clean unit
 * counts as HELD), plus the stays to watch (overdue first, then due soon). Pure.
 */

import type { RentalType } from '../../wire';
import type { BoardUnit } from '../../wire-staff';
import { namesOf } from './labels';

/** What a unit shows as on the board. */
export type BoardStatus = BoardUnit['status'] | 'HELD';

/** The columns, in order. */
export const BOARD_STATUSES: readonly BoardStatus[] = ['CLEAN', 'HELD', 'OCCUPIED', 'DIRTY', 'CLEANING', 'OUT_OF_ORDER'];

/** A board status in words (never `OUT_OF_ORDER`). */
export const BOARD_STATUS_NAMES = namesOf<BoardStatus>(BOARD_STATUSES, 'reg.board.');

/** The board status of one unit. */
export function boardStatus(unit: BoardUnit): BoardStatus {
  return unit.status === 'CLEAN' && unit.held_by_lane !== null ? 'HELD' : unit.status;
}

/** One row of counts. */
export interface TierCounts {
  tier: RentalType;
  counts: Record<BoardStatus, number>;
  total: number;
}

/** Counts per tier, tiers in first-seen order. */
export function countByTier(units: readonly BoardUnit[]): TierCounts[] {
  const rows = new Map<RentalType, TierCounts>();
  for (const unit of units) {
    let row = rows.get(unit.tier);
    if (!row) {
      row = { tier: unit.tier, total: 0, counts: { CLEAN: 0, HELD: 0, OCCUPIED: 0, DIRTY: 0, CLEANING: 0, OUT_OF_ORDER: 0 } };
      rows.set(unit.tier, row);
    }
    row.counts[boardStatus(unit)] += 1;
    row.total += 1;
  }
  return [...rows.values()];
}

/** Occupied units that are overdue or due soon, overdue first, then by checkout time. */
export function watchList(units: readonly BoardUnit[]): BoardUnit[] {
  return units
    .filter((u) => u.overdue || u.due_soon)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.checkout_at ?? '').localeCompare(b.checkout_at ?? ''));
}
