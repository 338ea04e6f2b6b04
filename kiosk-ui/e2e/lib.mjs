// What every browser script shares: the browser, a page per screen at its real size, signing
// in, pasting a scan, screenshots and the accessibility check (axe-core, WCAG 2.1 A and AA, and
// on the kiosk the target-size rule at 44 px).
//
// A script imports these, walks its screens, calls `a11y(page, 'state-name')` on every screen
// state it reaches and ends with `finish(result)`, which fails on any page error or axe
// violation and prints `RESULT {json}` for the Rust side.

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const base = process.env.FRONTDESK_URL;
export const out = process.env.FRONTDESK_ARTIFACTS ?? 'test-artifacts';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!base) throw new Error('FRONTDESK_URL is required');
mkdirSync(out, { recursive: true });

export const SIZES = { register: { width: 1280, height: 800 }, kiosk: { width: 768, height: 1024 }, manager: { width: 1440, height: 900 } };
const TIMEOUT = 15_000;
// axe is evaluated through the DevTools protocol: the page's CSP (no inline script) would
// refuse a <script> tag, and must not be weakened for the test
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** An invented person, in the AAMVA layout a licence's barcode carries; a wedge types line
 * breaks as Enter. */
export const SCAN = ['@', 'ANSI 636015090002DL00410278ZT03190007DLDAQ40009876', 'DCSRIVERA', 'DACMARISOL', 'DBB03141990', 'DBA01012031', 'DAJTX', ''].join('\n');

/** Another invented person: `scanOf('NGUYEN', 'THANH', 'DAQ...')`. */
export function scanOf(last, first, number, dob = '07221985') {
  return SCAN.replace('DCSRIVERA', `DCS${last}`).replace('DACMARISOL', `DAC${first}`).replace('DAQ40009876', `DAQ${number}`).replace('DBB03141990', `DBB${dob}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

export async function text(page, testId) {
  return (await page.getByTestId(testId).innerText()).trim();
}

export async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`) });
}

export async function signIn(page, login, pin) {
  await page.locator('input[name=login]').fill(login);
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('sign-in').click();
}

/** A scan pasted into the scanner field (the register takes a paste as one scan), so that a
 * slow, loaded machine cannot split it into several scans. */
export async function pasteScan(page, scan) {
  await page.getByTestId('scanner').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, scan);
}

/** Pairs the tablet page `kiosk` for `lane` the way a manager does: a code from the manager's
 * Kiosks tab (which `manager` must show), typed on the tablet, which ends on its idle screen. */
export async function pairKiosk(manager, kiosk, lane = 'lane-1') {
  await manager.getByTestId('pair-lane').selectOption(lane);
  await manager.getByTestId('pair-pin').fill('111111');
  await manager.getByTestId('issue-code').click();
  const code = await text(manager, 'pairing-code');
  await kiosk.goto('/kiosk');
  await kiosk.getByTestId('pair-code').fill(code);
  await kiosk.getByTestId('pair-submit').click();
  await kiosk.getByTestId('idle').waitFor();
}

const errors = [];
const violations = [];
const checked = [];
export const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/** A new page for a screen ('register', 'kiosk' or 'manager') at its real size. `expected`
 * matches the console errors Chromium logs for refusals the script provokes on purpose (a 401
 * before sign-in is always expected). */
export async function open(size, expected = /status of 401/) {
  const context = await browser.newContext({ viewport: SIZES[size], baseURL: base });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${size}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !expected.test(m.text()) && errors.push(`${size} console: ${m.text()}`));
  return page;
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; every violation is kept (with the
 * state's name) and fails the script at `finish`. `{ targetSize: 44 }` also runs axe's
 * `target-size` rule (tagged WCAG 2.2 AA, off by default) with its size and spacing raised
 * from 24 px to the given CSS px: the kiosk's touch targets (spec/ux.md: at least 44 × 44). */
export async function a11y(page, state, { targetSize = null } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(
    async ({ tags, targetSize }) => {
      const rules = {};
      if (targetSize !== null) {
        // eslint-disable-next-line no-undef
        axe.configure({ checks: [{ id: 'target-size', options: { minSize: targetSize } }, { id: 'target-offset', options: { minOffset: targetSize } }] });
        rules['target-size'] = { enabled: true };
      }
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    },
    { tags: WCAG, targetSize },
  );
  checked.push(targetSize === null ? state : `${state} (targets ${targetSize}px)`);
  for (const v of found) violations.push(`${state}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`);
}

/** Fails on page errors or axe violations, else prints `RESULT {json}`; closes the browser. */
export async function finish(result) {
  try {
    check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
    check(violations.length === 0, `no WCAG 2.1 A/AA violations:\n  ${violations.join('\n  ')}`);
    console.log(`A11Y ${checked.length} states checked: ${checked.join(', ')}`);
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await browser.close();
  }
}

/** Runs a script body; closes the browser when it throws. */
export async function run(body) {
  try {
    await finish(await body());
  } catch (e) {
    await browser.close();
    throw e;
  }
}
