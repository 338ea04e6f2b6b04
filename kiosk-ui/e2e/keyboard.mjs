// The register by keyboard alone (issue 18): an employee signs in, opens lane 1, finds a
// customer with F2, starts, chooses the membership, proposes and confirms a rental, picks the
// payment method with the arrow keys, swaps the hold, marks paid through the confirmation
// dialog (focus trapped, Escape closes it), and closes the completed check-in; only
// page.keyboard touches the register (Tab, Shift+Tab, Enter, Space, Escape, arrows). The
// customer's side is a kiosk driven by taps, the manager's by clicks.
//
// On the way: every element Tab reaches shows a focus ring; the focus never falls to <body>
// after an action; the session's primary actions are inside the 1280 × 800 window without
// scrolling; the rental buttons have names that say their tier; axe-core on every state. Then
// the register and the manager in Spanish: the toggle is remembered, <html lang> follows,
// and no English string of the table is left on the register.
//
// Run by `cargo test --test ui keyboard` (tests/ui/keyboard.rs); prints `RESULT {json}`.

import { SIZES, a11y, check, open, pairKiosk, run, shot, signIn, text } from './lib.mjs';

const CUSTOMER = process.env.FRONTDESK_CUSTOMER ?? 'Okafor, Chidi';

/** What has the focus: its test id, tag and whether it shows a focus ring. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { lost: true, id: null, ring: false, html: 'body' };
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    return { lost: false, id: el.getAttribute('data-testid'), ring, html: el.outerHTML.slice(0, 120) };
  });
}

const unringed = [];

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; every element on
 * the way must show its focus ring. */
async function tabTo(page, selector, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (!f.lost && !f.ring) unringed.push(f.html);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`check failed: Tab never reached ${selector}`);
}

const byId = (id) => `[data-testid="${id}"]`;

/** The focus is on something (not <body>) after an action; optionally on `id`. */
async function focusKept(page, what, id) {
  try {
    await page.waitForFunction((want) => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      return want === null || el.getAttribute('data-testid') === want;
    }, id ?? null, { timeout: 5_000 });
  } catch {
    const f = await focused(page);
    throw new Error(`check failed: after ${what} the focus is on ${id ?? 'something'} (it is on ${f.html})`);
  }
}

/** `id` is inside the window without scrolling the page. */
async function onScreen(page, id) {
  const r = await page.evaluate((sel) => {
    // as the page first shows (earlier Tabs may have scrolled it)
    window.scrollTo(0, 0);
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return box ? { top: box.top, bottom: box.bottom, h: innerHeight, scrollable: document.documentElement.scrollHeight > innerHeight } : null;
  }, byId(id));
  check(r !== null && r.top >= 0 && r.bottom <= r.h, `${id} is within the first ${SIZES.register.height} px (${JSON.stringify(r)})`);
}

async function draw(page) {
  await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('signature-pad').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 60, y);
  await page.mouse.down();
  for (let i = 1; i <= 30; i += 1) await page.mouse.move(box.x + 60 + i * 15, y + Math.sin(i / 3) * 40, { steps: 2 });
  await page.mouse.up();
}

await run(async () => {
  // the manager pairs the kiosk (clicks; the manager is not under test here)
  const manager = await open('manager');
  await manager.goto('/manager');
  await signIn(manager, 'manager', '111111');
  await manager.getByTestId('tab-kiosks').click();
  const kiosk = await open('kiosk');
  await pairKiosk(manager, kiosk);

  // sign-in: the focus starts in the login field
  const reg = await open('register');
  const key = (k) => reg.keyboard.press(k);
  await reg.goto('/register');
  await reg.locator('input[name=login]').waitFor();
  await focusKept(reg, 'opening the sign-in');
  check(await reg.evaluate(() => document.activeElement?.getAttribute('name') === 'login'), 'the sign-in starts in the login field');
  await a11y(reg, 'kb-sign-in');
  await reg.keyboard.type('alex');
  await key('Tab');
  await reg.keyboard.type('222222');
  await key('Enter');
  await reg.getByTestId('open-lane-1').waitFor();
  await focusKept(reg, 'signing in');
  await a11y(reg, 'kb-lane-picker');
  await tabTo(reg, byId('open-lane-1'));
  await key('Enter');
  await reg.getByTestId('scanner').waitFor();
  await focusKept(reg, 'opening the lane', 'scanner');
  await reg.getByTestId('mirror').filter({ hasText: 'Idle' }).waitFor();
  await a11y(reg, 'kb-desk-idle');

  // F2 searches; the hit and Start are reached with Tab and pressed with Enter and Space
  await key('F2');
  check((await focused(reg)).id === 'search', 'F2 focuses the search');
  await reg.keyboard.type(CUSTOMER.split(',')[0].toLowerCase());
  await key('Enter');
  await reg.getByTestId('search-hit').first().waitFor();
  await a11y(reg, 'kb-search-results');
  await tabTo(reg, byId('search-hit'));
  await key('Enter');
  await reg.getByTestId('start-session').waitFor();
  await a11y(reg, 'kb-customer-found');
  await tabTo(reg, byId('start-session'));
  await key('Space');
  await reg.getByTestId('session-status').waitFor();
  await focusKept(reg, 'starting the check-in');

  // the customer picks a language on the kiosk; the employee chooses the membership
  await kiosk.getByTestId('lang-EN').click();
  // the register has the customer's choice (else its command would be refused as stale)
  await reg.getByTestId('mirror').filter({ hasText: 'Membership' }).waitFor();
  await reg.getByTestId('membership-ONE_TIME').waitFor();
  await tabTo(reg, byId('membership-ONE_TIME'));
  await key('Enter');
  await reg.getByTestId('propose-STANDARD').waitFor();
  await focusKept(reg, 'choosing the membership');
  await a11y(reg, 'kb-choosing');
  await shot(reg, 'kb-choosing');

  // every rental button says its tier to a screen reader
  for (const tier of ['Locker', 'Standard Room', 'Double Room']) {
    check((await reg.getByRole('button', { name: `Propose ${tier}`, exact: true }).count()) === 1, `a button named "Propose ${tier}"`);
    check((await reg.getByRole('button', { name: `Point out ${tier} on the kiosk`, exact: true }).count()) === 1, `a button named "Point out ${tier} on the kiosk"`);
  }
  check((await reg.getByRole('button', { name: 'Propose', exact: true }).count()) === 0, 'no button named just "Propose"');

  // propose → the focus moves to Confirm selection, which is on screen without scrolling
  await tabTo(reg, byId('propose-STANDARD'));
  await key('Enter');
  await reg.getByTestId('confirm-selection').waitFor();
  await focusKept(reg, 'proposing', 'confirm-selection');
  await onScreen(reg, 'confirm-selection');
  await a11y(reg, 'kb-proposed');
  await key('Enter');
  await reg.getByTestId('mark-paid').waitFor();
  await focusKept(reg, 'confirming', 'mark-paid');
  await onScreen(reg, 'mark-paid');
  await onScreen(reg, 'cancel-session');
  await reg.getByTestId('held-number').waitFor();
  await a11y(reg, 'kb-payment');
  await shot(reg, 'kb-payment');

  // a full round of Tab over the page: every stop shows its ring (past the last element the
  // focus goes to the browser once, as on any page)
  const start = await focused(reg);
  let stops = 0;
  let outside = 0;
  for (; stops < 80; stops += 1) {
    await key('Tab');
    const f = await focused(reg);
    if (f.lost) outside += 1;
    else if (!f.ring) unringed.push(f.html);
    if (f.id === start.id) break;
  }
  check(outside <= 1 && stops < 80, `one round of Tab comes back to the start (${stops} stops, ${outside} outside the page)`);

  // the hold is swapped for another clean standard room, typed into the swap field
  const held = await text(reg, 'held-number');
  const inventory = await reg.evaluate(async () => (await fetch('/api/inventory')).json());
  const other = inventory.units.find((u) => u.kind === 'ROOM' && u.tier === 'STANDARD' && u.status === 'CLEAN' && u.held_by_lane === null && u.number !== held);
  check(other, 'another clean standard room to swap to');
  await tabTo(reg, byId('swap-number'), { back: true });
  await reg.keyboard.type(other.number);
  await key('Enter');
  await reg.getByTestId('held-number').filter({ hasText: other.number }).waitFor();
  await focusKept(reg, 'swapping', 'swap-number');

  // Cancel… opens its dialog in the reason field; Escape keeps the check-in and returns
  await tabTo(reg, byId('cancel-session'));
  await key('Enter');
  await reg.getByTestId('cancel-dialog').waitFor();
  await focusKept(reg, 'opening the cancel dialog', 'cancel-reason');
  await a11y(reg, 'kb-cancel-dialog');
  await key('Escape');
  await reg.getByTestId('cancel-dialog').waitFor({ state: 'detached' });
  await focusKept(reg, 'Escape in the cancel dialog', 'cancel-session');
  check((await text(reg, 'session-status')) === 'Awaiting payment', 'Escape cancelled nothing');

  // the method with the arrow keys; the dialog takes the focus, keeps Tab inside, and Escape
  // closes it, back to Mark paid
  await tabTo(reg, byId('payment-method'));
  await key('ArrowDown');
  check((await reg.getByTestId('payment-method').inputValue()) === 'CASH', 'the arrow key picks Cash');
  await tabTo(reg, byId('mark-paid'));
  await key('Enter');
  await reg.getByTestId('pay-dialog').waitFor();
  await focusKept(reg, 'opening the payment dialog', 'confirm-paid');
  check(/\(Cash\)/.test(await text(reg, 'pay-dialog')), 'the dialog names the method chosen');
  await a11y(reg, 'kb-pay-dialog');
  await shot(reg, 'kb-pay-dialog');
  for (const [press, want] of [['Tab', 'not-yet'], ['Tab', 'confirm-paid'], ['Shift+Tab', 'not-yet'], ['Shift+Tab', 'confirm-paid']]) {
    await key(press);
    check((await focused(reg)).id === want, `${press} stays in the dialog (on ${want})`);
  }
  await key('Escape');
  await reg.getByTestId('pay-dialog').waitFor({ state: 'detached' });
  await focusKept(reg, 'Escape in the dialog', 'mark-paid');
  await key('Enter');
  await reg.getByTestId('confirm-paid').waitFor();
  await focusKept(reg, 'reopening the dialog', 'confirm-paid');
  await key('Enter');
  await reg.getByTestId('session-status').filter({ hasText: 'Awaiting signature' }).waitFor();
  await focusKept(reg, 'marking paid');
  await a11y(reg, 'kb-awaiting-signature');

  // the customer signs on the kiosk
  await kiosk.getByTestId('agreement-text').waitFor();
  await kiosk.getByTestId('consent').check();
  await draw(kiosk);
  await kiosk.getByTestId('sign-submit').click();
  await kiosk.getByTestId('assigned-number').waitFor();

  // completed: the focus is on Close, which is on screen; Enter closes, back to the scanner
  await reg.getByTestId('completion').waitFor();
  await focusKept(reg, 'the check-in completing', 'close-session');
  await onScreen(reg, 'close-session');
  const number = await text(reg, 'completed-number');
  await a11y(reg, 'kb-completed');
  await key('Enter');
  await reg.getByText('No customer at this lane').waitFor();
  await focusKept(reg, 'closing', 'scanner');
  check(number === other.number, `the swapped room was assigned (${number} / ${other.number})`);

  // Spanish: the toggle (by keyboard), <html lang>, no English string of the table left, and
  // the choice remembered after a reload
  await tabTo(reg, byId('staff-language'), { back: true });
  await key('Enter');
  await reg.waitForFunction(() => document.documentElement.lang === 'es');
  await reg.getByText('No hay ningún cliente en este carril', { exact: false }).waitFor();
  await focusKept(reg, 'switching the language', 'staff-language');
  const english = ['Sign out', 'Inventory', 'Search', 'Ready to scan an ID or membership card', 'No customer at this lane', 'Customer is on', 'Find a number or name', 'clean', 'occupied', 'Tier'];
  const checkSpanish = async (page, where, words) => {
    const shown = await page.evaluate(() => {
      const attrs = [...document.querySelectorAll('[aria-label],[placeholder],[title]')].map((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? '').join(' '));
      return `${document.body.innerText}\n${attrs.join('\n')}`;
    });
    const left = words.filter((w) => new RegExp(`\\b${w}\\b`).test(shown));
    check(left.length === 0, `no English on the ${where} in Spanish: ${left.join(', ')}`);
  };
  await checkSpanish(reg, 'register', english);
  await a11y(reg, 'kb-desk-es');
  await shot(reg, 'kb-desk-es');
  await reg.reload();
  await reg.getByTestId('open-lane-1').waitFor();
  await reg.waitForFunction(() => document.documentElement.lang === 'es'); // the register remembers Spanish
  await reg.getByText('Elija su carril').waitFor();
  await a11y(reg, 'kb-lane-picker-es');

  // the manager in Spanish too (its own choice; clicks)
  await manager.getByTestId('staff-language').click();
  await manager.waitForFunction(() => document.documentElement.lang === 'es');
  await manager.getByTestId('tab-lanes').click();
  await manager.locator('[data-lane=lane-1]').waitFor();
  await checkSpanish(manager, 'manager', ['Lanes', 'Signatures', 'Sign out', 'Status', 'Customer', 'Since']);
  await a11y(manager, 'kb-manager-lanes-es');
  await shot(manager, 'kb-manager-lanes-es');

  await manager.getByTestId('tab-signatures').click();
  await manager.getByTestId('signature-list').filter({ hasText: 'Firmas' }).waitFor();
  await checkSpanish(manager, 'signature list', ['Signatures', 'Filter', 'Signed', 'Agreement', 'Employee']);
  await a11y(manager, 'kb-manager-signatures-es');
  await manager.getByTestId('tab-kiosks').click();
  await manager.getByTestId('pair-lane').waitFor();
  await a11y(manager, 'kb-manager-kiosks-es');

  check(unringed.length === 0, `every focused element shows a focus ring: ${unringed.join(' | ')}`);
  return { number, swapped_from: held };
});
