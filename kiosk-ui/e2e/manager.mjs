// The manager's screen uses the API it has (issue 18), in a real browser: a manager pairs a
// tablet and an employee signs in at the lane-1 register; the manager sees both (the register
// with the employee's name, the tablet with its last-seen time), ends the register session
// (the register screen goes back to its lanes and says why), revokes the tablet (the kiosk
// page shows pairing again, without a reload), adds an employee (field messages first, a taken
// login on its field) who then signs in, gives them a new PIN and deactivates them, unlocks
// an employee locked by wrong PINs, and filters the audit log by action and lane (URL
// updated, every row matching) with the chain verified; then the tabs in Spanish. axe-core
// checks every state.
//
// Run by `cargo test --test ui manager` (tests/ui/manager.rs), which checks the database.

import { a11y, check, open as openScreen, pairKiosk, run, shot as photo, signIn } from './lib.mjs';

// refusals provoked on purpose are logged by Chromium as errors: the kiosk's 401 after the
// revoke, the register's 403 after its session is ended, the manager's 409 for a taken login,
// 423 for the lock the wrong PINs make
const open = (size) => openScreen(size, /status of (401|403|409|423)/);

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

async function confirmWithPin(page, box) {
  await page.getByTestId(`${box}-pin`).fill('111111');
  await page.getByTestId(`${box}-confirm`).click();
}

await run(async () => {
  // the manager pairs a tablet for lane 1
  const manager = await open('manager');
  await manager.goto('/manager');
  await manager.locator('input[name=login]').waitFor();
  await signIn(manager, 'manager', '111111');
  await manager.getByTestId('register-list').waitFor();
  await manager.getByTestId('no-registers').waitFor();
  await shot(manager, 'mgr-lanes-no-register');
  await manager.getByTestId('tab-kiosks').click();
  await manager.getByTestId('device-list').waitFor();
  await a11y(manager, 'mgr-kiosks-empty');
  const kiosk = await open('kiosk');
  await pairKiosk(manager, kiosk);
  await a11y(kiosk, 'kiosk-idle');

  // an employee opens the lane-1 register
  const register = await open('register');
  await register.goto('/register');
  await register.locator('input[name=login]').waitFor();
  await signIn(register, 'alex', '222222');
  await register.getByTestId('open-lane-1').click();
  await register.getByTestId('scanner').waitFor();

  // the manager sees the register with its employee, and ends the session
  await manager.getByTestId('tab-lanes').click();
  const row = manager.locator('[data-testid=register-row][data-register-lane=lane-1]');
  await row.filter({ hasText: 'Alex Staff' }).waitFor();
  await shot(manager, 'mgr-lanes-registers');
  await row.getByTestId('end-register').click();
  await manager.getByTestId('end-box').waitFor();
  check(await manager.getByTestId('end-box-confirm').isDisabled(), 'End needs a reason and the PIN');
  await a11y(manager, 'mgr-end-register-confirm');
  await manager.getByTestId('end-reason').fill('End of shift');
  await confirmWithPin(manager, 'end-box');
  await manager.getByTestId('register-result').filter({ hasText: 'Lane 1' }).waitFor();
  await manager.getByTestId('no-registers').waitFor();
  await a11y(manager, 'mgr-register-ended');
  // the ended register says so and offers the lanes again: no dead end
  await register.getByTestId('register-ended').filter({ hasText: 'A manager ended your register session at Lane 1' }).waitFor();
  await register.getByTestId('open-lane-1').waitFor();
  await shot(register, 'register-ended-by-manager');

  // the manager sees the tablet (last seen) and revokes it; the kiosk shows pairing again
  await manager.getByTestId('tab-kiosks').click();
  const device = manager.locator('[data-testid=device-row]').first();
  await device.filter({ hasText: 'Lane 1' }).waitFor();
  check(!(await device.innerText()).includes('not yet'), 'the tablet has been seen');
  const deviceName = (await device.locator('th').innerText()).trim();
  await shot(manager, 'mgr-kiosks-list');
  await device.getByTestId('revoke').click();
  await a11y(manager, 'mgr-revoke-confirm');
  // a wrong PIN is refused in words and nothing is revoked
  await manager.getByTestId('revoke-box-pin').fill('999999');
  await manager.getByTestId('revoke-box-confirm').click();
  await manager.getByTestId('revoke-box-error').filter({ hasText: 'That PIN is not right' }).waitFor();
  await a11y(manager, 'mgr-revoke-wrong-pin');
  await confirmWithPin(manager, 'revoke-box');
  await manager.getByTestId('device-result').waitFor();
  await device.getByTestId('device-status').filter({ hasText: 'Revoked' }).waitFor();
  check((await device.getByTestId('revoke').count()) === 0, 'no Revoke on a revoked tablet');
  await a11y(manager, 'mgr-kiosk-revoked');
  await kiosk.getByTestId('pair-code').waitFor();
  await a11y(kiosk, 'kiosk-pairing-after-revoke');

  // the manager adds an employee: field messages first, a taken login on its field
  await manager.getByTestId('tab-staff').click();
  await manager.getByTestId('staff-tab').waitFor();
  await a11y(manager, 'mgr-staff');
  await manager.getByTestId('add-staff').click();
  await manager.getByTestId('staff-login').fill('p t');
  await manager.getByTestId('staff-pin').fill('12');
  await manager.getByTestId('staff-display_name').focus();
  await manager.getByTestId('staff-display_name').blur();
  await manager.getByTestId('staff-login-error').waitFor();
  await manager.getByTestId('staff-pin-error').waitFor();
  await manager.getByTestId('staff-display_name-error').waitFor();
  check(await manager.getByTestId('add-box-confirm').isDisabled(), 'Add is disabled while a field is wrong');
  await shot(manager, 'mgr-staff-add-invalid');
  await manager.getByTestId('staff-display_name').fill('Pat Lee');
  await manager.getByTestId('staff-login').fill('alex');
  await manager.getByTestId('staff-pin').fill('444444');
  await confirmWithPin(manager, 'add-box');
  await manager.getByTestId('staff-login-error').filter({ hasText: 'already used' }).waitFor();
  await a11y(manager, 'mgr-staff-login-taken');
  await manager.getByTestId('staff-login').fill('pat');
  await confirmWithPin(manager, 'add-box');
  await manager.getByTestId('staff-result').filter({ hasText: 'Pat Lee is added' }).waitFor();
  const pat = manager.locator('[data-testid=staff-row][data-login=pat]');
  await pat.waitFor();
  await a11y(manager, 'mgr-staff-added');

  // the new employee signs in at a register
  const second = await open('register');
  await second.goto('/register');
  await second.locator('input[name=login]').waitFor();
  await signIn(second, 'pat', '444444');
  await second.getByText('Signed in as Pat Lee.').waitFor();
  await a11y(second, 'register-new-employee');

  // a new PIN, then deactivation
  await pat.getByTestId('staff-new-pin').click();
  await manager.getByTestId('new-pin').fill('555555');
  await a11y(manager, 'mgr-staff-new-pin');
  await confirmWithPin(manager, 'pin-box');
  await manager.getByTestId('staff-result').filter({ hasText: 'Pat Lee has a new PIN' }).waitFor();
  await pat.getByTestId('staff-deactivate').click();
  await confirmWithPin(manager, 'deactivate-box');
  await manager.getByTestId('staff-result').filter({ hasText: 'Pat Lee is deactivated' }).waitFor();
  await pat.getByTestId('staff-status').filter({ hasText: 'Deactivated' }).waitFor();
  await shot(manager, 'mgr-staff-deactivated');

  // wrong PINs lock Sam out; the manager unlocks Sam, who then signs in at once
  const locked = await open('register');
  await locked.goto('/register');
  const note = locked.getByTestId('sign-in-error');
  for (let attempt = 1; attempt <= 6 && (await note.getAttribute('data-code').catch(() => null)) !== 'PIN_LOCKED'; attempt += 1) {
    await signIn(locked, 'sam', '000000');
    await locked.getByTestId('sign-in').filter({ hasText: /^Sign in$/ }).waitFor();
    await note.waitFor();
  }
  check((await note.getAttribute('data-code')) === 'PIN_LOCKED', 'Sam is locked');
  const sam = manager.locator('[data-testid=staff-row][data-login=sam]');
  await sam.getByTestId('staff-unlock').click();
  await a11y(manager, 'mgr-staff-unlock');
  await confirmWithPin(manager, 'unlock-box');
  await manager.getByTestId('staff-result').filter({ hasText: 'Sam Staff is unlocked' }).waitFor();
  await signIn(locked, 'sam', '333333');
  await locked.getByText('Signed in as Sam Staff.').waitFor();

  // the audit log filtered by action and lane; the URL keeps the filters; the chain verified
  await manager.getByTestId('tab-audit').click();
  await manager.getByTestId('chain-verdict').filter({ hasText: 'Chain verified' }).waitFor();
  await a11y(manager, 'mgr-audit');
  await manager.getByTestId('audit-action').fill('register force sign out');
  await manager.getByTestId('audit-lane').selectOption('lane-1');
  await manager.getByTestId('audit-filter').click();
  await manager.waitForURL(/\/manager\/audit\?action=REGISTER_FORCE_SIGN_OUT&lane=lane-1$/);
  const rows = manager.locator('[data-testid=audit-row]');
  await rows.first().waitFor();
  // the URL changes before the filtered page arrives: wait for its rows, not the old ones
  await manager
    .waitForFunction(() => [...document.querySelectorAll('[data-testid=audit-row]')].every((tr) => tr.dataset.action === 'REGISTER_FORCE_SIGN_OUT'))
    .catch(() => {});
  const found = await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.action, tr.dataset.eventLane, tr.innerText]));
  check(found.length === 1, `one forced sign-out on lane 1 (${JSON.stringify(found)})`);
  check(found.every(([action, lane]) => action === 'REGISTER_FORCE_SIGN_OUT' && lane === 'lane-1'), 'every row matches');
  const line = found[0]?.[2] ?? '';
  check(line.includes('Manager') && line.includes('End of shift') && line.includes('Lane 1'), `the actor by name, the reason and the lane: ${line}`);
  await shot(manager, 'mgr-audit-filtered');
  // the filtered link survives a reload
  await manager.reload();
  await rows.first().waitFor();
  check((await manager.getByTestId('audit-action').inputValue()) === 'register force sign out', 'the filter is read back from the URL, in words');
  await manager.getByTestId('chain-verdict').filter({ hasText: 'Chain verified' }).waitFor();
  await a11y(manager, 'mgr-audit-reloaded');

  // the tabs in Spanish
  await manager.getByTestId('staff-language').click();
  await manager.getByRole('heading', { name: 'Registro de auditoría' }).waitFor();
  await manager.getByTestId('chain-verdict').filter({ hasText: 'Cadena verificada' }).waitFor();
  await a11y(manager, 'mgr-audit-es');
  await manager.getByTestId('tab-staff').click();
  await manager.getByTestId('add-staff').filter({ hasText: 'Agregar empleado' }).waitFor();
  await a11y(manager, 'mgr-staff-es');
  await manager.getByTestId('tab-kiosks').click();
  await manager.getByRole('heading', { name: 'Tabletas vinculadas' }).waitFor();
  await manager.getByTestId('tab-lanes').click();
  await manager.getByRole('heading', { name: 'Cajas' }).waitFor();
  await shot(manager, 'mgr-lanes-es');

  return { device: deviceName, staff: 'pat' };
});
