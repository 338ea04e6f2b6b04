// The upgrade waitlist at the register (issue 14) in a real browser. The Rust side
// (tests/ui/waitlist.rs) seeded the demo club with Lara Locker on locker 012 and, later, Milo
// Later on locker 013, both waiting for a Double Room (ACTIVE); room 216 the only clean double,
// 218 being cleaned. The server's offer tick (once at start) holds 216 for Lara. Here: the
// register's Upgrades tab lists her (locker 012 → Double Room, #1 in line, the $17.00 fee) with
// the hold counting down live; 216 typed for Milo is refused in words (held); housekeeping marks
// 218 clean and the employee offers it to Milo (a 10-minute hold), then cancels his entry with a
// reason and the PIN; Lara's Accept shows the fee and the methods, "Paid (cash)" accepts and
// pays, and the panel says the move "Locker 012 → Room 216" while the entry leaves the list.
// axe-core on every state.
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
  // the 409 ROOM_HELD below is provoked on purpose (Chromium logs it)
  const register = await open('register', /status of (401|409)/);
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

  // 216 is held for Lara: typed for Milo, it is refused in words
  await register.getByTestId('wl-013').waitFor();
  await register.getByTestId('wl-offer-number-013').fill('216');
  await register.getByTestId('wl-offer-013').click();
  await register.locator('[data-testid=wl-error-013][data-code=ROOM_HELD]').waitFor();
  const held = await text(register, 'wl-error-013');
  check(/That room is held for someone else/.test(held) && /Choose another room/.test(held), `the refusal in words: ${held}`);
  await shot(register, 'waitlist-refused');

  // housekeeping marks 218 clean; the employee offers it to Milo by hand
  await register.getByTestId('tab-housekeeping').click();
  await register.getByTestId('hk-room-218').check();
  await register.getByTestId('hk-to-CLEAN').click();
  await waitText(register, 'hk-changed-218', /cleaning → clean/);
  await register.getByTestId('tab-upgrades').click();
  await register.getByTestId('wl-offer-number-013').fill('218');
  await register.getByTestId('wl-offer-013').click();
  const offered = await waitText(register, 'wl-offered', /Room 218/);
  check(offered === 'Room 218 offered to Milo Later.', `the offer in words: ${offered}`);
  await register.locator('[data-testid=wl-013][data-status=OFFERED]').waitFor();
  const secondHold = secondsOf(await waitText(register, 'wl-hold-013', /Room 218 held: \d+:\d\d left/));
  check(secondHold > 9 * 60 && secondHold <= 10 * 60, `a 10-minute hold by hand: ${secondHold} s`);
  await shot(register, 'waitlist-offered-by-hand');

  // Milo went home: cancelled with a reason and the PIN again
  await register.getByTestId('wl-cancel-013').click();
  await register.getByTestId('wl-cancel-box').waitFor();
  await register.getByTestId('wl-cancel-reason').fill('Went home early');
  await register.getByTestId('wl-cancel-box-pin').fill('222222');
  await shot(register, 'waitlist-cancel');
  await register.getByTestId('wl-cancel-box-confirm').click();
  const cancelled = await waitText(register, 'wl-cancelled', /Milo/);
  check(cancelled === 'Milo Later is off the upgrade waitlist.', `the cancellation in words: ${cancelled}`);
  await register.getByTestId('wl-013').waitFor({ state: 'detached' });

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

  return { moved, hold_seconds: left, second_hold_seconds: secondHold };
});
