/**
 * What every report section shares: the section with its heading, headline figures and CSV
 * link, a plain table of the chart's figures (with a total row), and the words of days,
 * durations and the server's codes (rental types, methods, purposes, settlements).
 */

import type { ComponentChildren } from 'preact';

import type { ApiError } from '../../api';
import { reportCsvUrl } from '../../api-reports';
import { en, type MessageKey } from '../../i18n';
import { t } from '../../ui/language';
import { ErrorNote, TableHead } from '../../ui/parts';
import type { ReportName, ReportRange } from '../../wire-reports';

/** A code in words: its message `prefix + code` when there is one, else the code as words. */
export function codeName(prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  if (Object.prototype.hasOwnProperty.call(en, key)) return t(key as MessageKey);
  return code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** A club-local day, short ("Dec 8"), for chart labels and table rows. */
export function dayLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return t('date.monthDay', { month: t(`date.month.${month ?? 1}` as MessageKey), day: day ?? 1 });
}

/** Minutes as "45 min" or "6 h 05 min". */
export function minutesText(minutes: number): string {
  if (minutes < 60) return t('rep.minutes', { minutes });
  return t('rep.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}

/** A headline figure: its value large, its meaning beside it. */
export function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div class="figure">
      <strong data-testid={testId}>{value}</strong>
      <span>{label}</span>
    </div>
  );
}

/** A table of figures (what the chart above draws): header, rows, and a total row. */
export function ReportTable(props: { caption: string; head: readonly string[]; rows: readonly (readonly (string | number)[])[]; total?: readonly (string | number)[]; testId: string }) {
  const { caption, head, rows, total, testId } = props;
  return (
    <table class="grid report-table" data-testid={testId}>
      <caption>{caption}</caption>
      <TableHead labels={head} />
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr data-testid={`${testId}-total`}>
            {total.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** A chart with its table under it. */
export function ChartBlock({ children }: { children: ComponentChildren }) {
  return <div class="chart-block">{children}</div>;
}

/** One report: heading, CSV link, then its figures; a refusal in words with Try again. */
export function ReportSection(props: { name: ReportName; range: ReportRange; error: ApiError | null; loading: boolean; timeZone: string; retry: () => void; children: ComponentChildren }) {
  const { name, range, error, loading, timeZone, retry, children } = props;
  const title = t(`rep.${name}.title` as MessageKey);
  return (
    <section class="panel report" data-testid={`rep-${name}`} aria-labelledby={`rep-${name}-title`}>
      <div class="report-head">
        <h3 id={`rep-${name}-title`}>{title}</h3>
        {error ? null : (
          <a class="btn btn-secondary" href={reportCsvUrl(name, range)} download data-testid={`rep-${name}-csv`}>{t('rep.csv', { report: title })}</a>
        )}
      </div>
      <p class="note">{t(`rep.${name}.what` as MessageKey)}</p>
      {error ? (
        <>
          <ErrorNote error={error} timeZone={timeZone} testId={`rep-${name}-error`} />
          <button type="button" class="btn btn-secondary" data-testid={`rep-${name}-retry`} onClick={retry}>{t('rep.retry')}</button>
        </>
      ) : null}
      {loading && !error ? <p class="note" role="status">{t('rep.loading')}</p> : null}
      {!loading && !error ? children : null}
    </section>
  );
}
