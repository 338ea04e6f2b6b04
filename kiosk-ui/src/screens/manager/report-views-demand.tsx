/**
 * The figures of the occupancy and waitlist reports: how full each tier was per day (a line of
 * every unit's percent, bars per tier) and the upgrade demand per tier with its conversion,
 * each chart with its table.
 */

import { t } from '../../ui/language';
import type { Demand, Load, OccupancyReport, WaitlistReport } from '../../wire-reports';
import { RENTAL_NAMES } from '../register/labels';
import { BarChart, LineChart } from './charts';
import { ChartBlock, codeName, dayLabel, Figure, minutesText, ReportTable } from './report-parts';

/** A tier or rental in words: the kiosk's rental names, "Lockers", "No rental". */
export function tierName(code: string): string {
  return code in RENTAL_NAMES ? RENTAL_NAMES[code as keyof typeof RENTAL_NAMES] : codeName('rep.tier.', code);
}

const percent = (value: number) => t('rep.percent', { percent: value });

/** An occupancy tier: a room type by its rental name, every locker as "Lockers". */
const unitTier = (code: string) => (code === 'LOCKER' ? t('rep.tier.LOCKER') : tierName(code));

/** Occupied units per tier and day. */
export function OccupancyView({ report }: { report: OccupancyReport }) {
  const tiers = Object.keys(report.by_tier);
  const row = (label: string, l: Load) => [label, l.units, minutesText(l.occupied_minutes), l.peak, percent(l.percent)];
  return (
    <>
      <div class="figures">
        <Figure label={t('rep.occupancy.percent')} value={percent(report.all.percent)} testId="rep-occupancy-percent" />
        <Figure label={t('rep.occupancy.peak', { units: report.all.units })} value={report.all.peak} testId="rep-occupancy-peak" />
      </div>
      <div class="chart-row">
        <ChartBlock>
          <LineChart title={t('rep.occupancy.perDay')} data={report.days.map((d) => ({ label: dayLabel(d.date), value: d.all.percent }))} format={percent} testId="rep-occupancy-days-chart" />
          <ReportTable caption={t('rep.occupancy.perDay')} head={[t('rep.col.day'), ...tiers.map(unitTier), t('rep.col.allUnits')]}
            rows={report.days.map((d) => [dayLabel(d.date), ...tiers.map((tier) => percent(d.by_tier[tier]?.percent ?? 0)), percent(d.all.percent)])} testId="rep-occupancy-days" />
        </ChartBlock>
        <ChartBlock>
          <BarChart title={t('rep.occupancy.byTier')} data={tiers.map((tier) => ({ label: unitTier(tier), value: report.by_tier[tier]?.percent ?? 0 }))} format={percent} testId="rep-occupancy-tier-chart" />
          <ReportTable caption={t('rep.occupancy.byTier')} head={[t('rep.col.tier'), t('rep.col.units'), t('rep.col.occupied'), t('rep.col.peak'), t('rep.col.percent')]}
            rows={tiers.map((tier) => row(unitTier(tier), report.by_tier[tier] ?? report.all))} total={row(t('rep.col.allUnits'), report.all)} testId="rep-occupancy-tiers" />
        </ChartBlock>
      </div>
    </>
  );
}

/** Upgrade demand per tier waited for, and how much of it became upgrades. */
export function WaitlistView({ report }: { report: WaitlistReport }) {
  const tiers = Object.entries(report.by_tier);
  const row = (label: string, d: Demand) => [label, d.created, d.offered, d.completed, d.cancelled, d.expired, d.waiting, percent(d.conversion_percent)];
  return (
    <>
      <div class="figures">
        <Figure label={t('rep.waitlist.created')} value={report.total.created} testId="rep-waitlist-created" />
        <Figure label={t('rep.waitlist.completed')} value={report.total.completed} testId="rep-waitlist-completed" />
        <Figure label={t('rep.waitlist.conversion')} value={percent(report.total.conversion_percent)} testId="rep-waitlist-conversion" />
      </div>
      <div class="chart-row">
        <ChartBlock>
          <BarChart title={t('rep.waitlist.perDay')} data={report.days.map((d) => ({ label: dayLabel(d.date), value: d.created }))} testId="rep-waitlist-days-chart" />
          <ReportTable caption={t('rep.waitlist.perDay')} head={[t('rep.col.day'), t('rep.col.created')]} rows={report.days.map((d) => [dayLabel(d.date), d.created])}
            total={[t('rep.col.total'), report.total.created]} testId="rep-waitlist-days" />
        </ChartBlock>
        <ChartBlock>
          <BarChart title={t('rep.waitlist.byTier')} data={tiers.map(([tier, d]) => ({ label: tierName(tier), value: d.created }))} testId="rep-waitlist-tier-chart" />
          <ReportTable caption={t('rep.waitlist.byTier')}
            head={[t('rep.col.tier'), t('rep.col.created'), t('rep.col.offered'), t('rep.col.upgraded'), t('rep.col.cancelled'), t('rep.col.expired'), t('rep.col.waiting'), t('rep.col.conversion')]}
            rows={tiers.map(([tier, d]) => row(tierName(tier), d))} total={row(t('rep.col.total'), report.total)} testId="rep-waitlist-tiers" />
        </ChartBlock>
      </div>
    </>
  );
}
