// A renewal in a real browser (issue 14). The Rust side (tests/ui/renewals.rs) seeded the demo
// club with one stay: room 215, checkout in 20 minutes (inside the ±60-minute window; 6 of 14
// hours bought). Here: a manager pairs the kiosk; the employee opens lane 1, taps Renew on 215
// in the due board and sees both options — 6 hours and the final 2 hours — allowed, each with
// its new checkout and price; picks 6 hours, the dialog closes and the session panel shows the
// renewal (unit, old → new checkout) with the price and no rental choice; the kiosk shows the
// same room, the same new checkout and total, "Please pay at the counter"; the employee marks
// paid; the customer reads, ticks consent, draws and submits; the kiosk's done screen and the
// register's completion show room 215 and the new checkout. axe-core on every state.
//
// Prints `RESULT {json}` for the Rust side to check the rows.

import { a11y, check, open, pairKiosk, run, shot as photo, signIn, text } from './lib.mjs';

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

async function draw(page) {
  await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('signature-pad').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 60, y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i += 1) await page.mouse.move(box.x + 60 + i * 12, y + Math.sin(i / 3) * 40, { steps: 2 });
  await page.mouse.up();
}

/** "new checkout 8:15 PM" → "8:15 PM" (with its date when not today). */
function newCheckout(line) {
  const match = /new checkout (.+?)(?:$| · )/.exec(line.trim());
  check(match !== null, `a new checkout in "${line}"`);
  return match[1].trim();
}

/** "$43.00" → 4300 */
function cents(money) {
  return Math.round(Number(money.replace(/[^0-9.]/g, '')) * 100);
}

await run(async () => {
  // the manager pairs the kiosk for lane 1
  const manager = await open('manager');
  await manager.goto('/manager');
  await manager.locator('input[name=login]').waitFor();
  await signIn(manager, 'manager', '111111');
  await manager.getByTestId('tab-kiosks').click();
  const kiosk = await open('kiosk');
  await pairKiosk(manager, kiosk);

  // the employee opens lane 1; 215 is on the due board with Renew
  const register = await open('register');
  await register.goto('/register');
  await register.locator('input[name=login]').waitFor();
  await signIn(register, 'alex', '222222');
  await register.getByTestId('open-lane-1').click();
  await register.getByTestId('due-215').waitFor();
  await register.getByTestId('due-renew-215').click();

  // the dialog: both options, allowed, each with its new checkout and price
  const dialog = register.getByTestId('renewal-dialog');
  await dialog.getByTestId('renewal-option-6').waitFor();
  await dialog.getByTestId('renewal-option-2').waitFor();
  const six = dialog.getByTestId('renewal-option-6');
  const two = dialog.getByTestId('renewal-option-2');
  check((await six.getAttribute('data-allowed')) === 'true' && (await two.getAttribute('data-allowed')) === 'true', 'both renewals allowed 20 minutes before checkout');
  check(/6 hours/.test(await six.innerText()) && /Final 2 hours/.test(await two.innerText()), 'the options are named');
  check((await dialog.getByTestId('renewal-reason').count()) === 0, 'no reason shown when nothing is refused');
  const sixCheckout = newCheckout(await six.getByTestId('renewal-checkout').innerText());
  const twoCheckout = newCheckout(await two.getByTestId('renewal-checkout').innerText());
  check(sixCheckout !== twoCheckout, `6 h and 2 h end at different times (${sixCheckout} / ${twoCheckout})`);
  const sixPrice = await six.getByTestId('renewal-price').innerText();
  check(/^\$\d+\.\d{2}$/.test(sixPrice), `a price for 6 hours: ${sixPrice}`);
  const focused = await register.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  check(focused === 'renew-6', `the focus is on the first allowed renewal (${focused})`);
  await shot(register, 'renewal-dialog');

  // 6 hours: the dialog closes and the session panel takes over
  await dialog.getByTestId('renew-6').click();
  await dialog.waitFor({ state: 'detached' });
  const panel = register.getByTestId('session-panel');
  await panel.getByTestId('renewal-line').waitFor();
  const line = await text(register, 'renewal-line');
  check(/^Renewal: 6 hours on Room 215, checkout .+ → .+$/.test(line), `the renewal line: ${line}`);
  check(line.endsWith(`→ ${sixCheckout}`), `the session's new checkout is the dialog's (${line} / ${sixCheckout})`);
  check((await panel.locator('[data-rental]').count()) === 0, 'no rental choice on a renewal');
  check((await register.getByTestId('register-total').innerText()) === sixPrice, 'the session prices what the dialog said');
  check((await register.getByTestId('renewal-started').count()) === 1, 'the due board says the renewal started');
  await shot(register, 'register-renewal-session');

  // the kiosk: same room, the new checkout, the total, pay at the counter
  await kiosk.getByTestId('renewal-summary').waitFor();
  check((await text(kiosk, 'renewal-unit')) === 'Same room: 215', `the same room on the kiosk: ${await text(kiosk, 'renewal-unit')}`);
  const kioskSummary = await text(kiosk, 'stay-summary');
  check(/^6 more hours · new checkout /.test(kioskSummary) && newCheckout(kioskSummary) === sixCheckout, `the kiosk's new checkout is the register's (${kioskSummary})`);
  check((await text(kiosk, 'quote-total')) === sixPrice, 'the same total on the kiosk');
  check((await text(kiosk, 'pay-prompt')) === 'Please pay at the counter', 'pay at the counter');
  check(/Step 1 of 2/.test(await text(kiosk, 'step-indicator')), 'a renewal counts two steps');
  await shot(kiosk, 'kiosk-renewal-payment');

  // paid at the register
  await register.getByTestId('mark-paid').click();
  await register.getByTestId('confirm-paid').click();

  // the customer reads, consents and signs, exactly as at a check-in
  await kiosk.getByTestId('agreement-text').waitFor();
  check(await kiosk.getByTestId('sign-submit').isDisabled(), 'submit is disabled before consent and ink');
  await kiosk.getByTestId('consent').check();
  await draw(kiosk);
  await a11y(kiosk, 'kiosk-renewal-agreement');
  await kiosk.getByTestId('sign-submit').click();

  // done on both screens: room 215 and the new checkout
  await kiosk.getByTestId('assigned-number').waitFor();
  const kioskUnit = (await text(kiosk, 'assigned-number')).replace(/\D/g, '');
  const kioskDone = await text(kiosk, 'done-checkout');
  check(kioskUnit === '215', `the kiosk's done screen shows room 215 (${kioskUnit})`);
  check(kioskDone === `New checkout time: ${sixCheckout}`, `the kiosk's done screen shows the new checkout (${kioskDone})`);
  check(/renewed/i.test(await kiosk.locator('h1').innerText()), 'the done screen says renewed');
  await shot(kiosk, 'kiosk-renewal-done');
  await register.getByTestId('renewed').waitFor();
  const renewed = await text(register, 'renewed');
  check(renewed === `Renewed: Room 215, checkout now ${sixCheckout}`, `the register's completion: ${renewed}`);
  await shot(register, 'register-renewal-done');
  await register.getByTestId('close-session').click();
  await register.getByTestId('session-panel').waitFor({ state: 'detached' });

  return { unit: kioskUnit, total_cents: cents(sixPrice), checkout: sixCheckout };
});
