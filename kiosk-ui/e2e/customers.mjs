// Hand entry and correction of a customer at the register (issue 18), in a real browser:
// alex at lane 1 enters a customer by hand with an impossible date of birth first (the
// server's refusal appears on the date field), fixes it, and the check-in starts; sam at
// lane 2 finds her by "Last, First", corrects her name from the card (a missing reason is
// shown on its field first), and lane 1's session panel shows the corrected name at once;
// lane 1 then corrects her membership number during the check-in;
// Escape closes the form and gives the keys back to the scanner; a scan without a name is
// entered by hand with the scanned date prefilled. axe-core checks every state.
//
// Run by `cargo test --test ui customers` (tests/ui/customers.rs), which checks the rows.

import { a11y, check, open as openScreen, pasteScan, run, scanOf, shot as photo, signIn } from './lib.mjs';

// the 400 of the impossible date is provoked on purpose
const open = (size) => openScreen(size, /status of (401|400)/);

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

async function openLane(login, pin, lane) {
  const page = await open('register');
  await page.goto('/register');
  await page.locator('input[name=login]').waitFor();
  await signIn(page, login, pin);
  await page.getByTestId(`open-${lane}`).click();
  await page.getByTestId('scanner').waitFor();
  return page;
}

async function describedBy(page, testId) {
  return page.getByTestId(testId).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return { invalid: el.getAttribute('aria-invalid'), text: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ') };
  });
}

async function scannerHasFocus(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'scanner');
}

await run(async () => {
  const alex = await openLane('alex', '222222', 'lane-1');
  await a11y(alex, 'customers-ready');

  // hand entry: "Last, First" and a date of birth in the future, which the server refuses on the field
  await alex.getByTestId('enter-by-hand').click();
  await alex.getByTestId('customer-form-create').waitFor();
  check(await alex.getByTestId('form-name').evaluate((el) => el === document.activeElement), 'the form opens with the name focused');
  await shot(alex, 'customers-hand-entry');
  await alex.getByTestId('form-name').fill('Ochoa, Beatriz');
  await alex.getByTestId('form-dob').fill('03/14/2090');
  await alex.getByTestId('form-dob').press('Enter');
  await alex.getByTestId('form-dob-error').waitFor();
  const refused = await describedBy(alex, 'form-dob');
  check(refused.invalid === 'true', 'the date field is marked invalid');
  check(/date of birth is not possible/.test(refused.text), `the field's description carries the server's refusal in words: ${refused.text}`);
  check((await alex.getByTestId('form-name').getAttribute('aria-invalid')) === 'false', 'only the refused field is marked');
  check(/Saved as: Beatriz Ochoa/.test(await alex.getByTestId('customer-form-create').innerText()), 'the name typed "Last, First" is shown as it will be saved');
  await shot(alex, 'customers-hand-entry-refused');

  // fixed, typed without leading zeros: the customer is created and the check-in starts
  await alex.getByTestId('form-dob').fill('3/14/1990');
  check(/Reads as Mar 14, 1990/.test(await alex.getByTestId('customer-form-create').innerText()), 'the date is read back as the screens show dates');
  check((await alex.getByTestId('form-dob').getAttribute('aria-invalid')) === 'false', 'typing again clears the refusal');
  await alex.getByTestId('form-name').press('Enter');
  await alex.getByTestId('session-customer').getByTestId('customer-card').filter({ hasText: 'Beatriz Ochoa' }).waitFor();
  check((await alex.getByTestId('customer-form-create').count()) === 0, 'the form closed');
  await shot(alex, 'customers-hand-entry-started');

  // sam at lane 2 finds her as the screens write names, and corrects the name from the card
  const sam = await openLane('sam', '333333', 'lane-2');
  await sam.keyboard.press('F2');
  await sam.getByTestId('search').fill('Ochoa, Beatriz');
  await sam.getByTestId('search').press('Enter');
  await sam.getByTestId('search-hit').filter({ hasText: 'Beatriz Ochoa' }).click();
  await sam.getByTestId('correct-details').click();
  await sam.getByTestId('customer-form-correct').waitFor();
  check((await sam.getByTestId('form-dob').inputValue()) === '03/14/1990', 'the form shows the date of birth as it is typed');
  await a11y(sam, 'customers-correct-form');
  await sam.getByTestId('form-name').fill('Beatriz Ochoa-Díaz');
  await sam.getByTestId('form-name').press('Enter');
  await sam.getByTestId('form-reason-error').waitFor();
  check((await describedBy(sam, 'form-reason')).invalid === 'true', 'a missing reason is marked on its field');
  await shot(sam, 'customers-correct-needs-reason');
  await sam.getByTestId('form-reason').fill('hyphenated name on the passport');
  await sam.getByTestId('form-reason').press('Enter');
  await sam.getByTestId('correction-note').filter({ hasText: 'Corrected: name.' }).waitFor();
  await sam.getByTestId('customer-card').filter({ hasText: 'Beatriz Ochoa-Díaz' }).waitFor();
  check(await scannerHasFocus(sam), 'after the correction the scanner has the keys');
  await shot(sam, 'customers-corrected');
  // lane 1 is in the middle of her check-in: its panel shows the corrected name at once
  await alex.getByTestId('session-customer').getByTestId('customer-card').filter({ hasText: 'Beatriz Ochoa-Díaz' }).waitFor();
  await a11y(alex, 'customers-corrected-elsewhere');
  // and lane 1 corrects her during the check-in: the membership number she shows
  await alex.getByTestId('correct-session-customer').click();
  await alex.getByTestId('form-membership_number').fill('M-5150');
  await alex.getByTestId('form-reason').fill('card shown at the desk');
  await a11y(alex, 'customers-correct-during-checkin');
  await alex.getByTestId('form-reason').press('Enter');
  await alex.getByTestId('session-customer').getByTestId('customer-card').filter({ hasText: 'M-5150' }).waitFor();
  await alex.getByTestId('correction-note').filter({ hasText: 'Corrected: membership number.' }).waitFor();
  await shot(alex, 'customers-corrected-during-checkin');

  // Escape cancels a form and gives the keys back to the scanner
  await sam.getByTestId('enter-by-hand').click();
  await sam.getByTestId('form-name').fill('Nobody');
  await sam.keyboard.press('Escape');
  check((await sam.getByTestId('customer-form-create').count()) === 0, 'Escape closed the form');
  check(await scannerHasFocus(sam), 'Escape gave the keys back to the scanner');
  await a11y(sam, 'customers-form-cancelled');

  // a scan without a name cannot create; hand entry opens with the scanned date prefilled
  await pasteScan(sam, scanOf('', '', '40007777', '07221985'));
  await sam.getByTestId('cannot-create').waitFor();
  await a11y(sam, 'customers-scan-without-name');
  await sam.getByTestId('enter-scanned-by-hand').click();
  await sam.getByTestId('customer-form-create').waitFor();
  check((await sam.getByTestId('form-dob').inputValue()) === '07/22/1985', 'the scanned date of birth is prefilled');
  await a11y(sam, 'customers-scan-by-hand');
  await sam.getByTestId('form-name').fill('Nguyen, Thanh');
  await sam.getByTestId('form-submit').click();
  await sam.getByTestId('session-customer').getByTestId('customer-card').filter({ hasText: 'Thanh Nguyen' }).waitFor();
  await shot(sam, 'customers-scan-by-hand-started');

  return { corrected: 'Beatriz Ochoa-Díaz', scanned: 'Thanh Nguyen' };
});
