// Issue 15 on the kiosk: a customer who cannot draw signs by typing their full name. Drawing is
// the default; "Type my name instead" switches (and "Draw my signature instead" back); the
// explicit act is its own button, enabled with consent and a name; a name that is not the
// customer's is refused in words under the field. Every agreement state — drawn and typed, in
// English and Spanish, and the refusal — is checked by axe-core (WCAG 2.1 A/AA plus the
// target-size rule at 44 px), and every control on it is at least 44 × 44 px.
//
// Run by `cargo test --test ui typed` against a server it starts (FRONTDESK_URL). Prints
// `RESULT {json}` with the signature id, which the Rust side reads back from the database.

import { a11y, check, open as openScreen, pairKiosk, pasteScan, run, scanOf, shot as photo, signIn, text } from './lib.mjs';

// a 401 before sign-in or pairing is expected, and the refused typed name (400) on the kiosk
const open = (size) => openScreen(size, size === 'kiosk' ? /status of (400|401)/ : /status of 401/);

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name, { targetSize: 44 });
  await bigTargets(page, name);
}

/** Every control on the kiosk's screen is at least 44 × 44 px (spec/ux.md). */
async function bigTargets(page, state) {
  const small = await page.locator('main button, main input, main [role=button]').evaluateAll((controls) =>
    controls.filter((c) => c.offsetParent !== null).map((c) => [c.dataset.testid ?? c.textContent, c.getBoundingClientRect()]).filter(([, r]) => r.width < 44 || r.height < 44).map(([name]) => name),
  );
  check(small.length === 0, `${state}: every control is at least 44×44 px (${small.join(', ')})`);
}

const focused = (page, testId) => page.getByTestId(testId).evaluate((el) => el === document.activeElement);

await run(async () => {
  const manager = await open('manager');
  await manager.goto('/manager');
  await manager.locator('input[name=login]').waitFor();
  await signIn(manager, 'manager', '111111');
  await manager.getByTestId('monitor').waitFor();
  await manager.getByTestId('tab-kiosks').click();
  const kiosk = await open('kiosk');
  await pairKiosk(manager, kiosk);

  // the employee starts a session for a new customer: "Thanh Nguyen" on file
  const register = await open('register');
  await register.goto('/register');
  await signIn(register, 'alex', '222222');
  await register.getByTestId('open-lane-1').click();
  await register.getByTestId('scanner').waitFor();
  await pasteScan(register, scanOf('NGUYEN', 'THANH', '40005150', '07221985'));
  await register.getByTestId('create-customer').click();
  await register.getByTestId('session-status').waitFor();

  // the customer chooses, the employee takes cash
  await kiosk.getByTestId('lang-EN').click();
  await kiosk.getByTestId('membership-ONE_TIME').click();
  await kiosk.getByTestId('rental-LOCKER').click();
  await kiosk.getByTestId('rental-confirm').click();
  await kiosk.getByTestId('quote-total').waitFor();
  await register.getByTestId('mark-paid').click();
  await register.getByTestId('confirm-paid').click();

  // drawing is the default, with the switch to typing visible
  await kiosk.getByTestId('agreement-text').waitFor();
  await kiosk.getByTestId('signature-pad').waitFor();
  check((await text(kiosk, 'sign-type-instead')) === 'Type my name instead', 'the switch to typing is shown');
  await shot(kiosk, 'typed-agreement-drawn-en');

  // typing: the name field has the focus; the act is its own button, off without consent
  await kiosk.getByTestId('sign-type-instead').click();
  await kiosk.getByTestId('typed-name').waitFor();
  check(await focused(kiosk, 'typed-name'), 'the name field has the focus after switching');
  check((await kiosk.getByTestId('signature-pad').count()) === 0, 'no pad while typing');
  check((await text(kiosk, 'sign-typed-submit')) === 'I sign by typing my name', 'the explicit act is named');
  check(await kiosk.getByTestId('sign-typed-submit').isDisabled(), 'no signing without consent and a name');
  await kiosk.getByTestId('typed-name').fill('Thanh Ngyuen');
  check(await kiosk.getByTestId('sign-typed-submit').isDisabled(), 'no signing without consent');
  await shot(kiosk, 'typed-agreement-typed-en');

  // and back to drawing, then typing again; the switch keeps the focus
  await kiosk.getByTestId('sign-draw-instead').click();
  await kiosk.getByTestId('signature-pad').waitFor();
  check(await focused(kiosk, 'sign-type-instead'), 'the switch keeps the focus');
  await kiosk.getByTestId('sign-type-instead').click();
  await kiosk.getByTestId('typed-name').waitFor();

  // in Spanish
  await kiosk.getByTestId('language-toggle').click();
  await kiosk.getByTestId('step-indicator').filter({ hasText: 'Paso 5 de 5' }).waitFor();
  await kiosk.getByText('Escriba su nombre completo').waitFor();
  check((await text(kiosk, 'sign-draw-instead')) === 'Dibujar mi firma en su lugar', 'the switch back is in Spanish');
  await shot(kiosk, 'typed-agreement-typed-es');
  await kiosk.getByTestId('language-toggle').click();
  await kiosk.getByTestId('step-indicator').filter({ hasText: 'Step 5 of 5' }).waitFor();

  // a name that is not the customer's is refused in words, under the field
  await kiosk.getByTestId('typed-name').waitFor();
  await kiosk.getByTestId('consent').check();
  await kiosk.getByTestId('typed-name').fill('Thanh Ngyuen');
  await kiosk.getByTestId('sign-typed-submit').click();
  await kiosk.getByTestId('typed-mismatch').waitFor();
  check((await text(kiosk, 'typed-mismatch')).startsWith('That is not the name we have for you.'), 'the refusal reads as a sentence');
  check((await kiosk.getByTestId('typed-name').getAttribute('aria-invalid')) === 'true', 'the field is marked invalid');
  await shot(kiosk, 'typed-agreement-mismatch-en');

  // the customer's own name, typed as people type it, signs
  await kiosk.getByTestId('typed-name').fill('  thanh   NGUYEN ');
  await kiosk.getByTestId('sign-typed-submit').click();
  await kiosk.getByTestId('assigned-number').waitFor();
  await register.getByTestId('completion').waitFor();
  const signed = await register.evaluate(async () => (await (await fetch('/api/lanes/lane-1/view')).json()).data.session.agreement_signature_id);
  check(typeof signed === 'string', `the register sees the signature (${signed})`);
  return { signature_id: signed };
});
