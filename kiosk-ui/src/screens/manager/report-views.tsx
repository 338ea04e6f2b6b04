/**
 * The figures of the visits, revenue and late-checkout reports: headline numbers, a chart of
 * each series (SVG, see charts.tsx) and the same figures in a table under it.
 */

import { formatMoney } from '../../i18n';
import { t } from '../../ui/language';
import type { LateCheckoutsReport, MoneySum, RevenueReport, VisitsReport } from '../../wire-reports';
import { BarChart, LineChart } from './charts';
import { ChartBlock, codeName, dayLabel, Figure, minutesText, ReportTable } from './report-parts';
import { tierName } from './report-views-demand';

/** Visits per day and per hour of the club's day. */
export function VisitsView({ report }: { report: VisitsReport }) {
  const days = report.days.map((d) => ({ label: dayLabel(d.date), value: d.visits }));
  const hours = report.hours.map((h) => ({ label: String(h.hour), value: h.visits }));
  return (
    <>
      <div class="figures"><Figure label={t('rep.visits.total')} value={report.total} testId="rep-visits-total" /></div>
      <div class="chart-row">
        <ChartBlock>
          <BarChart title={t('rep.visits.perDay')} data={days} testId="rep-visits-days-chart" />
          <ReportTable caption={t('rep.visits.perDay')} head={[t('rep.col.day'), t('rep.col.visits')]} rows={report.days.map((d) => [dayLabel(d.date), d.visits])}
            total={[t('rep.col.total'), report.total]} testId="rep-visits-days" />
        </ChartBlock>
        <ChartBlock>
          <BarChart title={t('rep.visits.perHour')} data={hours} format={String} testId="rep-visits-hours-chart" />
          <ReportTable caption={t('rep.visits.perHour')} head={[t('rep.col.hour'), t('rep.col.visits')]}
            rows={report.hours.filter((h) => h.visits > 0).map((h) => [t('rep.hourRange', { from: h.hour, to: h.hour + 1 }), h.visits])}
            total={[t('rep.col.total'), report.total]} testId="rep-visits-hours" />
        </ChartBlock>
      </div>
    </>
  );
}

const METHODS = ['CASH', 'CARD', 'OTHER'] as const;
const cents = (s: MoneySum | undefined) => formatMoney(s?.cents ?? 0);

/** Money taken per day (a line), by method and by purpose. */
export function RevenueView({ report }: { report: RevenueReport }) {
  const days = report.days.map((d) => ({ label: dayLabel(d.date), value: d.total.cents }));
  const purposes = Object.entries(report.by_purpose);
  const rentals = Object.entries(report.by_rental_type);
  const methodHead = METHODS.map((m) => codeName('reg.method.', m));
  return (
    <>
      <div class="figures">
        <Figure label={t('rep.revenue.total')} value={formatMoney(report.total.cents)} testId="rep-revenue-total" />
        <Figure label={t('rep.revenue.payments')} value={report.total.payments} testId="rep-revenue-payments" />
      </div>
      <div class="chart-row">
        <ChartBlock>
          <LineChart title={t('rep.revenue.perDay')} data={days} format={formatMoney} testId="rep-revenue-days-chart" />
          <ReportTable caption={t('rep.revenue.perDay')} head={[t('rep.col.day'), t('rep.col.payments'), ...methodHead, t('rep.col.amount')]}
            rows={report.days.map((d) => [dayLabel(d.date), d.total.payments, ...METHODS.map((m) => cents(d.by_method[m])), formatMoney(d.total.cents)])}
            total={[t('rep.col.total'), report.total.payments, ...METHODS.map((m) => cents(report.by_method[m])), formatMoney(report.total.cents)]} testId="rep-revenue-days" />
        </ChartBlock>
        <ChartBlock>
          <BarChart title={t('rep.revenue.byPurpose')} data={purposes.map(([p, s]) => ({ label: codeName('rep.purpose.', p), value: s.cents }))} format={formatMoney} testId="rep-revenue-purpose-chart" />
          <ReportTable caption={t('rep.revenue.byPurpose')} head={[t('rep.col.purpose'), t('rep.col.payments'), t('rep.col.amount')]}
            rows={purposes.map(([p, s]) => [codeName('rep.purpose.', p), s.payments, formatMoney(s.cents)])}
            total={[t('rep.col.total'), report.total.payments, formatMoney(report.total.cents)]} testId="rep-revenue-purpose" />
        </ChartBlock>
        <ChartBlock>
          <BarChart title={t('rep.revenue.byRental')} data={rentals.map(([r, s]) => ({ label: tierName(r), value: s.cents }))} format={formatMoney} testId="rep-revenue-rental-chart" />
          <ReportTable caption={t('rep.revenue.byRental')} head={[t('rep.col.rental'), t('rep.col.payments'), t('rep.col.amount')]}
            rows={rentals.map(([r, s]) => [tierName(r), s.payments, formatMoney(s.cents)])}
            total={[t('rep.col.total'), report.total.payments, formatMoney(report.total.cents)]} testId="rep-revenue-rental" />
        </ChartBlock>
      </div>
    </>
  );
}

/** Late checkouts per day and by how their fee was settled. */
export function LateView({ report }: { report: LateCheckoutsReport }) {
  const days = report.days.map((d) => ({ label: dayLabel(d.date), value: d.total.checkouts }));
  const settlements = Object.entries(report.by_settlement);
  return (
    <>
      <div class="figures">
        <Figure label={t('rep.late.late', { checkouts: report.checkouts })} value={report.total.checkouts} testId="rep-late-total" />
        <Figure label={t('rep.late.fees')} value={formatMoney(report.total.fee_cents)} testId="rep-late-fees" />
      </div>
      <div class="chart-row">
        <ChartBlock>
          <BarChart title={t('rep.late.perDay')} data={days} testId="rep-late-days-chart" />
          <ReportTable caption={t('rep.late.bySettlement')} head={[t('rep.col.settlement'), t('rep.col.late'), t('rep.col.minutesLate'), t('rep.col.fees')]}
            rows={settlements.map(([s, l]) => [codeName('rep.settlement.', s), l.checkouts, minutesText(l.minutes_late), formatMoney(l.fee_cents)])}
            total={[t('rep.col.total'), report.total.checkouts, minutesText(report.total.minutes_late), formatMoney(report.total.fee_cents)]} testId="rep-late-settlement" />
        </ChartBlock>
      </div>
    </>
  );
}
