// The managers' reports screen (issue 16), in a real browser: a manager opens Reports (this
// week by default, on the club's clock), presses Today (the URL and the inputs follow), then
// types a three-day range around today and reads the figures of the check-ins the Rust test
// made: visits, money taken (by method, purpose and rental), units occupied at once, nobody
// on the upgrade waitlist, signatures by language, the charts' bars and their hover titles,
// and the tables; downloads the visits and revenue CSVs (Rust checks their TOTAL lines); a
// backwards range is explained before sending; a range the server refuses (over 400 days)
// reads in words in every report with Try again; then the page in Spanish. axe-core checks
// every state.
//
// Run by `cargo test --test ui reports` (tests/ui/reports.rs), which seeds the check-ins.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { a11y, check, open as openScreen, out, run, shot as photo, signIn, text } from './lib.mjs';

// the 400 of the too-long range, provoked on purpose
const open = (size) => openScreen(size, /status of (400|401)/);
const REPORTS = ['visits', 'revenue', 'occupancy', 'late_checkouts', 'stay_length', 'cleaning', 'signatures', 'waitlist'];

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

/** Waits until every report has its figures (or its refusal). */
async function loaded(page) {
  await page.waitForFunction((names) => names.every((n) => {
    const s = document.querySelector(`[data-testid=rep-${n}]`);
    return s && !s.querySelector('[role=status]');
  }), REPORTS);
}

/** `YYYY-MM-DD` moved by `days`. */
function addDays(date, days) {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The rows of a report table as arrays of cell texts. */
async function rows(page, testId) {
  return page.locator(`[data-testid=${testId}] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

async function download(page, name) {
  const link = page.getByTestId(`rep-${name}-csv`);
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { href: await link.getAttribute('href'), filename: file.suggestedFilename(), csv: readFileSync(await file.path(), 'utf8') };
}

await run(async () => {
  const manager = await open('manager');
  await manager.goto('/manager');
  await manager.locator('input[name=login]').waitFor();
  await signIn(manager, 'manager', '111111');
  const zone = await manager.evaluate(async () => (await (await fetch('/api/club')).json()).time_zone);
  const today = await manager.evaluate((timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()), zone);

  // the tab opens on this week, to today
  await manager.getByTestId('tab-reports').click();
  await manager.waitForURL(/\/manager\/reports$/);
  await manager.getByTestId('reports-tab').waitFor();
  const showing = manager.getByTestId('rep-showing');
  check((await showing.getAttribute('data-to')) === today, `this week runs to today (${today}) on the club's clock`);
  check((await manager.getByTestId('rep-quick-week').getAttribute('aria-pressed')) === 'true', 'This week is pressed');
  await loaded(manager);
  await a11y(manager, 'reports-week');

  // Today: the URL, the inputs and the pressed button follow
  await manager.getByTestId('rep-quick-today').click();
  await manager.waitForURL(new RegExp(`/manager/reports\\?from=${today}&to=${today}$`));
  check((await manager.getByTestId('rep-from').inputValue()) === today, 'From reads today');
  check((await manager.getByTestId('rep-quick-today').getAttribute('aria-pressed')) === 'true', 'Today is pressed');

  // a backwards range is explained, nothing sent
  await manager.getByTestId('rep-from').fill(addDays(today, 1));
  await manager.getByTestId('rep-to').fill(today);
  await manager.getByTestId('rep-show').click();
  check((await text(manager, 'rep-range-problem')).includes('To is before From'), 'a backwards range is explained');
  check(manager.url().endsWith(`from=${today}&to=${today}`), 'and not sent');
  await a11y(manager, 'reports-backwards');

  // three days around today: the figures of what the test made
  const from = addDays(today, -1);
  const to = addDays(today, 1);
  await manager.getByTestId('rep-from').fill(from);
  await manager.getByTestId('rep-to').fill(to);
  await manager.getByTestId('rep-show').click();
  await manager.waitForURL(new RegExp(`from=${from}&to=${to}$`));
  await loaded(manager);
  check((await manager.getByTestId('rep-range-problem').count()) === 0, 'the problem is gone');
  const bars = await manager.locator('[data-testid=rep-visits-days-chart] rect.chart-bar').evaluateAll((rs) =>
    rs.map((r) => ({ value: Number(r.dataset.value), height: Number(r.getAttribute('height')), title: r.querySelector('title')?.textContent ?? '' })));
  const points = await manager.locator('[data-testid=rep-revenue-days-chart] circle.chart-point').evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
  const figures = {
    visits: await text(manager, 'rep-visits-total'),
    revenue: await text(manager, 'rep-revenue-total'),
    payments: await text(manager, 'rep-revenue-payments'),
    signatures: await text(manager, 'rep-signatures-total'),
    late: await text(manager, 'rep-late-total'),
    visit_days: await rows(manager, 'rep-visits-days'),
    revenue_total_row: await manager.getByTestId('rep-revenue-days-total').evaluate((tr) => [...tr.children].map((c) => c.textContent.trim())),
    signature_groups: await rows(manager, 'rep-signatures-groups'),
    purposes: await rows(manager, 'rep-revenue-purpose'),
    rentals: await rows(manager, 'rep-revenue-rental'),
    occupancy_peak: await text(manager, 'rep-occupancy-peak'),
    occupancy_tiers: await rows(manager, 'rep-occupancy-tiers'),
    waitlist_created: await text(manager, 'rep-waitlist-created'),
    visit_bars: bars,
    revenue_points: points,
  };
  // the tallest bar is as high as the plot allows only if it holds the top value: at least it is drawn
  check(bars.length === 3, `a bar per day: ${JSON.stringify(bars)}`);
  check(bars.some((b) => b.height > 0), 'the day with visits has a visible bar');
  await shot(manager, 'manager-reports');
  await manager.screenshot({ path: join(out, 'manager-reports-full.png'), fullPage: true });

  const visitsCsv = await download(manager, 'visits');
  const revenueCsv = await download(manager, 'revenue');

  // a range the server refuses: every report says so in words, with Try again
  await manager.goto('/manager/reports?from=2025-01-01&to=2026-06-30');
  await manager.getByTestId('rep-visits-error').waitFor();
  await loaded(manager);
  const refusal = manager.getByTestId('rep-revenue-error');
  check((await refusal.getAttribute('data-code')) === 'VALIDATION_FAILED', 'refused by the server');
  const refusalText = await refusal.innerText();
  check(refusalText.includes('end date') && refusalText.includes('400 days'), `in words, the server's reason in the details: ${refusalText}`);
  check((await manager.getByTestId('rep-revenue-csv').count()) === 0, 'no CSV link for a refused range');
  await manager.getByTestId('rep-visits-retry').waitFor();
  await shot(manager, 'manager-reports-refused');
  // and back to good days with a quick button: no dead end
  await manager.getByTestId('rep-quick-month').click();
  await manager.getByTestId('rep-visits-total').waitFor();

  // in Spanish
  await manager.goto(`/manager/reports?from=${from}&to=${to}`);
  await loaded(manager);
  await manager.getByTestId('staff-language').click();
  await manager.getByRole('heading', { name: 'Informes', exact: true }).waitFor();
  await manager.getByRole('heading', { name: 'Ingresos' }).waitFor();
  await shot(manager, 'manager-reports-es');
  await manager.getByTestId('staff-language').click();

  return { today, from, to, time_zone: zone, figures, visits_csv: visitsCsv, revenue_csv: revenueCsv };
});
