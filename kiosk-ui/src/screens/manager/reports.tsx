/**
 * The reports tab (`/manager/reports?from=…&to=…`, issue 16): a manager picks club-local days
 * (Today, This week, This month on the club's clock, or any from/to) and reads every report
 * over them as charts with their tables, each with its CSV (same days). The range lives in the
 * URL, so a link shows the same figures. A refusal is shown in words per report, with Try
 * again; a range the server would refuse is explained before anything is sent.
 */

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import type { ApiError, ApiResult } from '../../api';
import type { MessageKey } from '../../i18n';
import { api } from '../../ui/client';
import { dateOf, t } from '../../ui/language';
import { REPORT_NAMES, type ReportName, type ReportRange, type Reports } from '../../wire-reports';
import { ReportSection } from './report-parts';
import { LateView, RevenueView, VisitsView } from './report-views';
import { OccupancyView, WaitlistView } from './report-views-demand';
import { CleaningView, SignaturesView, StayLengthView } from './report-views-more';
import { isQuick, QUICK_RANGES, quickRange, rangeOf, rangeProblem, type QuickRange } from './report-range';
import { navigate } from './route';

type Answers = { [N in ReportName]?: ApiResult<Reports[N]> };

const QUICK_WORDS: Record<QuickRange, MessageKey> = { today: 'rep.quick.today', week: 'rep.quick.week', month: 'rep.quick.month' };

/** A report's figures once it has arrived. */
function view<N extends ReportName>(name: N, report: Reports[N]): ComponentChildren {
  switch (name) {
    case 'visits':
      return <VisitsView report={report as Reports['visits']} />;
    case 'revenue':
      return <RevenueView report={report as Reports['revenue']} />;
    case 'late_checkouts':
      return <LateView report={report as Reports['late_checkouts']} />;
    case 'stay_length':
      return <StayLengthView report={report as Reports['stay_length']} />;
    case 'cleaning':
      return <CleaningView report={report as Reports['cleaning']} />;
    case 'occupancy':
      return <OccupancyView report={report as Reports['occupancy']} />;
    case 'waitlist':
      return <WaitlistView report={report as Reports['waitlist']} />;
    default:
      return <SignaturesView report={report as Reports['signatures']} />;
  }
}

/** Reads every report over `range`; one can be read again alone. */
function useReports(range: ReportRange): [Answers, (name: ReportName) => void] {
  const [answers, setAnswers] = useState<Answers>({});
  // an answer for days no longer shown (the range changed meanwhile) is dropped
  const shown = useRef('');
  const key = `${range.from}/${range.to}`;
  shown.current = key;
  const load = (name: ReportName) => {
    setAnswers((a) => ({ ...a, [name]: undefined }));
    void api.report(name, range).then((answer) => shown.current === key && setAnswers((a) => ({ ...a, [name]: answer })));
  };
  useEffect(() => {
    setAnswers({});
    REPORT_NAMES.forEach(load);
  }, [range.from, range.to]);
  return [answers, load];
}

/** The range picker: quick choices, then any from/to. */
function RangePicker({ range, timeZone }: { range: ReportRange; timeZone: string }) {
  const [draft, setDraft] = useState(range);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  useEffect(() => {
    // new days shown (a quick button, Back): the typed range and its problem are replaced
    setDraft(range);
    setProblem(null);
  }, [range.from, range.to]);
  const now = new Date();
  const go = (next: ReportRange) => navigate({ page: 'reports', filters: { from: next.from, to: next.to } });
  return (
    <div class="report-range">
      <div class="quick" role="group" aria-label={t('rep.quick.label')}>
        {QUICK_RANGES.map((kind) => (
          <button type="button" key={kind} class="btn btn-secondary" aria-pressed={isQuick(kind, range, now, timeZone)} data-testid={`rep-quick-${kind}`}
            onClick={() => go(quickRange(kind, new Date(), timeZone))}>{t(QUICK_WORDS[kind])}</button>
        ))}
      </div>
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        const why = rangeProblem(draft);
        setProblem(why);
        if (!why) go(draft);
      }}>
        <label>
          {t('mgr.from')}
          <input type="date" value={draft.from} data-testid="rep-from" aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'rep-range-problem' : undefined}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </label>
        <label>
          {t('mgr.to')}
          <input type="date" value={draft.to} data-testid="rep-to" aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'rep-range-problem' : undefined}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </label>
        <button type="submit" class="btn btn-primary" data-testid="rep-show">{t('rep.show')}</button>
      </form>
      {problem ? <p class="field-error" id="rep-range-problem" role="alert" data-testid="rep-range-problem">{t(problem)}</p> : null}
    </div>
  );
}

/** The reports page. */
export function ReportsTab({ filters, timeZone }: { filters: Record<string, string>; timeZone: string }) {
  const range = rangeOf(filters, new Date(), timeZone);
  const [answers, reload] = useReports(range);
  const shown = range.from === range.to ? dateOf(range.from) : t('rep.rangeText', { from: dateOf(range.from), to: dateOf(range.to) });
  return (
    <section class="panel reports" data-testid="reports-tab">
      <h2>{t('rep.title')}</h2>
      <RangePicker range={range} timeZone={timeZone} />
      <p class="report-showing" data-testid="rep-showing" data-from={range.from} data-to={range.to}>{t('rep.showing', { range: shown })}</p>
      {REPORT_NAMES.map((name) => {
        const answer = answers[name];
        const error: ApiError | null = answer && !answer.ok ? answer.error : null;
        return (
          <ReportSection key={name} name={name} range={range} error={error} loading={!answer} timeZone={timeZone} retry={() => reload(name)}>
            {answer?.ok ? view(name, answer.value) : null}
          </ReportSection>
        );
      })}
    </section>
  );
}
