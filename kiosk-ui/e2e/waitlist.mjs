// The upgrade waitlist at the register (issue 14) in a real browser. The Rust side
// (tests/ui/waitlist.rs) seeded the demo club with Lara Locker on locker 012 waiting for a
// Double Room (ACTIVE), and room 216 the only clean double; the server's offer tick holds 216
// for her. Here: the register's Upgrades tab lists her (locker 012 → Double Room, #1 in line,
// the $17.00 fee), the offered room with the hold counting down live, Accept shows the fee and
// the methods, "Paid (cash)" accepts and pays, and the panel says the move
// "Locker 012 → Room 216" while the entry leaves the list. axe-core on every state.
//
// Prints `RESULT {json}` for the Rust side to check the rows.

import { a11y, check, open, run, shot as photo, signIn, text } from './lib.mjs';

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

/** Waits until the element's text matches. */
async function waitText(page, testId, pattern) {
  await page.waitForFunction(
    ([id, source]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el !== null && new RegExp(source).test(el.textContent ?? '');
    },
    [testId, pattern.source],
  );
  return text(page, testId);
}

/** `m:ss left` → seconds. */
function secondsOf(hold) {
  const m = /(\d+):(\d\d) left/.exec(hold);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

await run(async () => {
  const register = await open('register');
  await register.goto('/register');
  await register.locator('input[name=login]').waitFor();
  await signIn(register, 'alex', '222222');
  await register.getByTestId('open-lane-1').click();
  await register.getByTestId('tab-upgrades').click();
  await register.getByTestId('waitlist-panel').waitFor();
  await register.getByTestId('wl-012').waitFor();
  const move = await text(register, 'wl-move-012');
  check(move === 'Locker 012 → Double Room', `the current unit → the tier waited for: ${move}`);
  const facts = await text(register, 'wl-facts-012');
  check(/#1 in line/.test(facts) && /\$17\.00/.test(facts), `her place and the fee: ${facts}`);

  // the tick holds 216 for her (at once: it runs when the server starts, then every 5 s)
  await register.locator('[data-testid=wl-012][data-status=OFFERED]').waitFor();
  const first = await waitText(register, 'wl-hold-012', /Room 216 held: \d+:\d\d left/);
  const left = secondsOf(first);
  check(left > 13 * 60 && left <= 15 * 60, `a 15-minute hold counting down: ${first}`);
  // the countdown moves on its own (a local tick; no reload)
  await register.waitForFunction(
    ([start]) => {
      const m = /(\d+):(\d\d) left/.exec(document.querySelector('[data-testid=wl-hold-012]')?.textContent ?? '');
      return m !== null && Number(m[1]) * 60 + Number(m[2]) < start;
    },
    [left],
  );
  await register.getByTestId('waitlist-panel').scrollIntoViewIfNeeded();
  await shot(register, 'waitlist-offered');

  // accept: the fee and the methods; paid in cash → accept, then pay
  await register.getByTestId('wl-accept-012').click();
  await register.getByTestId('wl-pay').waitFor();
  const title = await text(register, 'wl-pay-title');
  check(title === 'Upgrade Lara Locker to Room 216 for $17.00', `the payment asks the fee: ${title}`);
  await shot(register, 'waitlist-pay');
  await register.getByTestId('wl-pay-CASH').click();
  const moved = await waitText(register, 'wl-moved', /Room 216/);
  check(moved === 'Lara Locker upgraded: Locker 012 → Room 216', `the move in words: ${moved}`);
  await register.getByTestId('wl-012').waitFor({ state: 'detached' });
  await register.getByTestId('wl-none').waitFor();
  await shot(register, 'waitlist-moved');

  return { moved, hold_seconds: left };
});
