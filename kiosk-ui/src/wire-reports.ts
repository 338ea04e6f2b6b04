/**
 * Wire types of the managers' reports (`GET /api/reports/{name}`), mirroring `src/reports/`
 * (docs/reports.md defines every figure). Types only: nothing here runs.
 */

import type { IsoDate, Uuid } from './wire';

/** The reports the server computes, in the order the screen shows them. */
export const REPORT_NAMES = ['visits', 'revenue', 'occupancy', 'late_checkouts', 'stay_length', 'cleaning', 'signatures', 'waitlist'] as const;

/** A report's name. */
export type ReportName = (typeof REPORT_NAMES)[number];

/** Club-local days `from..=to` (both inclusive, `YYYY-MM-DD`). */
export interface ReportRange {
  from: IsoDate;
  to: IsoDate;
}

/** `visits`. */
export interface VisitsReport extends ReportRange {
  total: number;
  days: { date: IsoDate; visits: number }[];
  /** the 24 hours of the club's day, summed over the range */
  hours: { hour: number; visits: number }[];
}

/** Payments and their amounts in one group. */
export interface MoneySum {
  payments: number;
  cents: number;
}

/** `revenue`. */
export interface RevenueReport extends ReportRange {
  total: MoneySum;
  by_method: Record<string, MoneySum>;
  by_purpose: Record<string, MoneySum>;
  /** the rental bought (`NONE` for late fees and balances) */
  by_rental_type: Record<string, MoneySum>;
  days: { date: IsoDate; total: MoneySum; by_method: Record<string, MoneySum>; by_purpose: Record<string, MoneySum>; by_rental_type: Record<string, MoneySum> }[];
}

/** A tier's occupancy over a day or the range. */
export interface Load {
  units: number;
  occupied_minutes: number;
  peak: number;
  percent: number;
}

/** `occupancy`: tiers are room types and `LOCKER`. */
export interface OccupancyReport extends ReportRange {
  by_tier: Record<string, Load>;
  all: Load;
  days: { date: IsoDate; by_tier: Record<string, Load>; all: Load }[];
}

/** Waitlist entries in one group. */
export interface Demand {
  created: number;
  offered: number;
  completed: number;
  cancelled: number;
  expired: number;
  waiting: number;
  conversion_percent: number;
}

/** `waitlist`: entries created in the range, by the tier waited for. */
export interface WaitlistReport extends ReportRange {
  total: Demand;
  by_tier: Record<string, Demand>;
  days: { date: IsoDate; created: number }[];
}

/** Late checkouts in one group. */
export interface LateSum {
  checkouts: number;
  minutes_late: number;
  fee_cents: number;
}

/** `late_checkouts`. */
export interface LateCheckoutsReport extends ReportRange {
  /** every checkout in the range, late or not */
  checkouts: number;
  total: LateSum;
  by_settlement: Record<string, LateSum>;
  days: { date: IsoDate; total: LateSum }[];
}

/** Stays in one group of `stay_length`. */
export interface Lengths {
  stays: number;
  total_minutes: number;
  average_minutes: number;
  /** stays per band, in the order of `bands_from_minutes` */
  bands: number[];
}

/** `stay_length`. */
export interface StayLengthReport extends ReportRange {
  bands_from_minutes: number[];
  total: Lengths;
  by_rental_type: Record<string, Lengths>;
}

/** One employee's cleanings. */
export interface Cleanings {
  staff_id: Uuid | null;
  staff_name: string;
  cleanings: number;
  total_minutes: number;
  average_minutes: number;
  unmeasured: number;
}

/** `cleaning`. */
export interface CleaningReport extends ReportRange {
  total: Cleanings;
  by_staff: Cleanings[];
}

/** `signatures`. */
export interface SignaturesReport extends ReportRange {
  total: number;
  groups: { agreement_version: number; language: string; signatures: number }[];
}

/** Each report's answer, by name. */
export interface Reports {
  visits: VisitsReport;
  revenue: RevenueReport;
  late_checkouts: LateCheckoutsReport;
  stay_length: StayLengthReport;
  cleaning: CleaningReport;
  signatures: SignaturesReport;
  occupancy: OccupancyReport;
  waitlist: WaitlistReport;
}
