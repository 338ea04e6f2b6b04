/**
 * The managers' reports: one report as JSON for the screen, and the address of the same report
 * as CSV (a plain link: the browser downloads it with the page's cookie). Same rules as
 * `api.ts`: every call resolves to `{ok, value}` or `{ok: false, error}`; nothing is sent on
 * import.
 */

import type { ApiResult, Requester } from './api';
import { queryString } from './api-staff';
import type { ReportName, ReportRange, Reports } from './wire-reports';

/** `GET /api/reports/{name}?from&to&format=csv`: the report as a CSV file with a `TOTAL` line. */
export function reportCsvUrl(name: ReportName, range: ReportRange): string {
  return `/api/reports/${name}${queryString({ from: range.from, to: range.to, format: 'csv' })}`;
}

/** The calls, bound to one requester. */
export function reportCommands(request: Requester) {
  return {
    report: <N extends ReportName>(name: N, range: ReportRange): Promise<ApiResult<Reports[N]>> =>
      request<Reports[N]>('GET', `/api/reports/${name}${queryString({ from: range.from, to: range.to })}`),
  };
}
