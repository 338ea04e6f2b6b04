// Agreement versions in a real browser: an employee starts a check-in for a customer who
// signed English v1; the manager opens the Agreements tab, drafts English v2 (prefilled with
// v1's text), saves it, edits it, and activates it with the PIN (refused first with a wrong
// PIN); v1 is retired and kept. The register, live, says the customer last signed an older
// agreement and will read v2 today. Then the tab in Spanish. axe-core checks every state.
//
// Run by `cargo test --test ui agreements` (tests/ui/agreements.rs), which checks the database.

import { a11y, check, open as openScreen, run, shot as photo, signIn } from './lib.mjs';

// the wrong PIN's 401 is provoked on purpose
const open = (size) => openScreen(size, /status of (401|403)/);

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

const V2 = 'House rules, second edition.\n\n1. Be kind.\n2. Keep the noise down after 10 PM.';

await run(async () => {
  // the employee starts a check-in for a returning customer
  const register = await open('register');
  await register.goto('/register');
  await register.locator('input[name=login]').waitFor();
  await signIn(register, 'alex', '222222');
  await register.getByTestId('open-lane-1').click();
  await register.getByTestId('scanner').waitFor();
  await register.keyboard.press('F2');
  await register.getByTestId('search').fill('Signer');
  await register.getByTestId('search').press('Enter');
  await register.getByTestId('search-hit').filter({ hasText: 'Signer' }).click();
  await register.getByTestId('start-session').click();
  await register.getByTestId('session-customer').waitFor();
  check((await register.getByTestId('last-signed-older').count()) === 0, 'v1 is still the current version: no note');

  // the manager drafts English v2 from v1's text
  const manager = await open('manager');
  await manager.goto('/manager/agreements');
  await manager.locator('input[name=login]').waitFor();
  await signIn(manager, 'manager', '111111');
  const en = manager.getByTestId('agreements-EN');
  await en.getByTestId('agreement-row').first().waitFor();
  await shot(manager, 'mgr-agreements');
  await en.getByTestId('draft-EN').click();
  const body = manager.getByTestId('agreement-body_text');
  check((await body.inputValue()).length > 20, 'the draft starts from the active text');
  await body.fill('');
  check(await manager.getByTestId('agreement-save').isDisabled(), 'an empty text cannot be saved');
  await body.fill(V2);
  await manager.getByTestId('agreement-title').fill('House rules');
  await manager.getByTestId('agreement-save').click();
  await manager.getByTestId('agreements-result').filter({ hasText: 'English v2 is drafted' }).waitFor();
  const v2 = en.locator('[data-testid=agreement-row][data-version="2"]');
  await v2.getByTestId('agreement-status').filter({ hasText: 'Draft' }).waitFor();
  check((await en.locator('[data-testid=agreement-row][data-version="1"]').getByTestId('agreement-edit').count()) === 0, 'the active v1 has no Edit');

  // edited once more, then activated behind the PIN
  await v2.getByTestId('agreement-edit').click();
  await manager.getByTestId('agreement-body_text').fill(`${V2}\n3. Towels go in the bin.`);
  await manager.getByTestId('agreement-save').click();
  await manager.getByTestId('agreements-result').filter({ hasText: 'English v2 is saved' }).waitFor();
  await v2.getByTestId('agreement-activate').click();
  await manager.getByTestId('activate-box').waitFor();
  await a11y(manager, 'mgr-agreements-activate-confirm');
  await manager.getByTestId('activate-box-pin').fill('999999');
  await manager.getByTestId('activate-box-confirm').click();
  await manager.getByTestId('activate-box-error').waitFor();
  await manager.getByTestId('activate-box-pin').fill('111111');
  await manager.getByTestId('activate-box-confirm').click();
  await manager.getByTestId('agreements-result').filter({ hasText: 'English v2 is now active' }).waitFor();
  await v2.getByTestId('agreement-status').filter({ hasText: 'Active' }).waitFor();
  await en.locator('[data-testid=agreement-row][data-version="1"]').getByTestId('agreement-status').filter({ hasText: 'Retired' }).waitFor();
  await shot(manager, 'mgr-agreements-activated');

  // the register, without a reload, says the customer will read a newer version
  const note = register.getByTestId('last-signed-older');
  await note.filter({ hasText: 'they will read v2 today' }).waitFor();
  check((await note.innerText()).includes('(v1, '), `the version they signed: ${await note.innerText()}`);
  await shot(register, 'register-last-signed-older');

  // the tab in Spanish
  await manager.getByTestId('staff-language').click();
  await manager.getByRole('heading', { name: 'Versiones del contrato' }).waitFor();
  await v2.getByTestId('agreement-status').filter({ hasText: 'Activa' }).waitFor();
  await a11y(manager, 'mgr-agreements-es');
  await register.getByTestId('staff-language').click();
  await note.filter({ hasText: 'hoy leerá la v2' }).waitFor();

  return { body: `${V2}\n3. Towels go in the bin.` };
});
