/**
 * The figures of the stay-length, cleaning and signature reports: headline numbers, a bar chart
 * (SVG, see charts.tsx) and the figures in a table under it.
 */

import { t } from '../../ui/language';
import type { CleaningReport, SignaturesReport, StayLengthReport } from '../../wire-reports';
import { RENTAL_NAMES } from '../register/labels';
import { BarChart } from './charts';
import { ChartBlock, codeName, Figure, minutesText, ReportTable } from './report-parts';

/** "under 2 h", "2–4 h", …, "12 h or more" from the bands' lower bounds in minutes. */
export function bandNames(bounds: readonly number[]): string[] {
  return bounds.map((from, i) => {
    const next = bounds[i + 1];
    if (i === 0 && next !== undefined) return t('rep.band.under', { to: next / 60 });
    if (next === undefined) return t('rep.band.over', { from: from / 60 });
    return t('rep.band.between', { from: from / 60, to: next / 60 });
  });
}

const rental = (code: string) => (code in RENTAL_NAMES ? RENTAL_NAMES[code as keyof typeof RENTAL_NAMES] : codeName('rental.', code));

/** How long the stays that ended lasted: bands, and averages per rental type. */
export function StayLengthView({ report }: { report: StayLengthReport }) {
  const names = bandNames(report.bands_from_minutes);
  const types = Object.entries(report.by_rental_type);
  const row = (label: string, l: StayLengthReport['total']) => [label, l.stays, minutesText(l.average_minutes), ...l.bands];
  return (
    <>
      <div class="figures">
        <Figure label={t('rep.stays.total')} value={report.total.stays} testId="rep-stays-total" />
        <Figure label={t('rep.stays.average')} value={minutesText(report.total.average_minutes)} testId="rep-stays-average" />
      </div>
      <ChartBlock>
        <BarChart title={t('rep.stays.byBand')} data={names.map((label, i) => ({ label, value: report.total.bands[i] ?? 0 }))} testId="rep-stays-chart" />
        <ReportTable caption={t('rep.stays.byRental')} head={[t('rep.col.rental'), t('rep.col.stays'), t('rep.col.average'), ...names]}
          rows={types.map(([code, l]) => row(rental(code), l))} total={row(t('rep.col.total'), report.total)} testId="rep-stays-rental" />
      </ChartBlock>
    </>
  );
}

/** Cleanings per employee, with their average length. */
export function CleaningView({ report }: { report: CleaningReport }) {
  const who = (name: string, id: string | null) => (id === null ? t('man.audit.system') : name);
  return (
    <>
      <div class="figures">
        <Figure label={t('rep.cleaning.total')} value={report.total.cleanings} testId="rep-cleaning-total" />
        <Figure label={t('rep.cleaning.average')} value={minutesText(report.total.average_minutes)} testId="rep-cleaning-average" />
      </div>
      <ChartBlock>
        <BarChart title={t('rep.cleaning.chart')} data={report.by_staff.map((c) => ({ label: who(c.staff_name, c.staff_id), value: c.average_minutes }))} format={minutesText} testId="rep-cleaning-chart" />
        <ReportTable caption={t('rep.cleaning.byStaff')} head={[t('rep.col.employee'), t('rep.col.cleanings'), t('rep.col.average'), t('rep.col.unmeasured')]}
          rows={report.by_staff.map((c) => [who(c.staff_name, c.staff_id), c.cleanings, minutesText(c.average_minutes), c.unmeasured])}
          total={[t('rep.col.total'), report.total.cleanings, minutesText(report.total.average_minutes), report.total.unmeasured]} testId="rep-cleaning-staff" />
      </ChartBlock>
    </>
  );
}

/** Signatures per agreement version and language. */
export function SignaturesView({ report }: { report: SignaturesReport }) {
  const label = (g: SignaturesReport['groups'][number]) => t('rep.signatures.group', { version: g.agreement_version, language: codeName('reg.language.', g.language) });
  return (
    <>
      <div class="figures"><Figure label={t('rep.signatures.total')} value={report.total} testId="rep-signatures-total" /></div>
      <ChartBlock>
        <BarChart title={t('rep.signatures.chart')} data={report.groups.map((g) => ({ label: label(g), value: g.signatures }))} testId="rep-signatures-chart" />
        <ReportTable caption={t('rep.signatures.chart')} head={[t('rep.col.agreement'), t('rep.col.signatures')]}
          rows={report.groups.map((g) => [label(g), g.signatures])} total={[t('rep.col.total'), report.total]} testId="rep-signatures-groups" />
      </ChartBlock>
    </>
  );
}
