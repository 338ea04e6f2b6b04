// The stay slip (issue 14) in a real browser. The Rust side (tests/ui/slip.rs) seeded a
// completed check-in on lane 1: room 216, paid, signed (its signature's record hash), the
// lane's session still COMPLETED on the register. Here: the register shows "Print slip" for
// that check-in and the due board one on 216's row, both for the same block; the register's
// button opens the slip in a new tab of the same browser (the staff cookie goes with it, no
// second sign-in) and asks to print at once (window.print is counted, not run). The slip
// shows the number, the checkout time, the record hash and the QR code (the server's SVG);
// then Chromium prints it to PDF through the DevTools protocol (`Page.printToPDF` with the
// page's own CSS page size) for the 80 mm receipt and for A4, for the Rust side to read.
// axe-core on both layouts.
//
// Prints `RESULT {json}` for the Rust side.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { a11y, check, open, out, run, shot, signIn, text } from './lib.mjs';

/** The slip as Chromium prints it, with the CSS page size (`@page receipt` / `@page sheet`). */
async function printPdf(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
  await cdp.detach();
  const path = join(out, `${name}.pdf`);
  writeFileSync(path, Buffer.from(data, 'base64'));
  return path;
}

/** What the slip page shows, read from the DOM. */
async function shown(page) {
  const qr = await page.getByTestId('slip-qr').getAttribute('src');
  return {
    number: await text(page, 'slip-number'),
    checkout: await text(page, 'slip-checkout'),
    hash: await page.getByTestId('slip-hash').getAttribute('data-hash'),
    hashText: (await text(page, 'slip-hash')).replace(/\s/g, ''),
    qr: decodeURIComponent((qr ?? '').replace(/^data:image\/svg\+xml;charset=utf-8,/, '')),
    paper: await page.getByTestId('slip').getAttribute('data-paper'),
  };
}

await run(async () => {
  const register = await open('register');
  // a print dialog cannot be answered headless: count the calls instead
  await register.context().addInitScript(() => {
    window.print = () => {
      window.printed = (window.printed ?? 0) + 1;
    };
  });
  await register.goto('/register');
  await register.locator('input[name=login]').waitFor();
  await signIn(register, 'alex', '222222');
  await register.getByTestId('open-lane-1').click();
  const fromRegister = await register.getByTestId('print-slip').getAttribute('href');
  await register.getByTestId('due-216').waitFor();
  const fromBoard = await register.getByTestId('due-slip-216').getAttribute('href');
  check(/^\/slip\/[0-9a-f-]{36}\?print=1$/.test(fromRegister ?? ''), `the register's slip link: ${fromRegister}`);
  check(fromBoard === fromRegister, `the due board's row opens the same slip: ${fromBoard} vs ${fromRegister}`);
  const blockId = (fromRegister ?? '').split('/')[2].split('?')[0];
  await a11y(register, 'register-slip-links');

  // the register's button: a new tab, already signed in, printing at once
  const [slip] = await Promise.all([register.waitForEvent('popup'), register.getByTestId('print-slip').click()]);
  await slip.getByTestId('slip-qr').waitFor();
  await slip.waitForFunction(() => window.printed === 1);
  check(new URL(slip.url()).pathname === `/slip/${blockId}`, `the slip of the block: ${slip.url()}`);
  const receipt = await shown(slip);
  check(receipt.paper === '80mm', `the receipt by default: ${receipt.paper}`);
  check(receipt.number === '216', `the number: ${receipt.number}`);
  check(/^[0-9a-f]{64}$/.test(receipt.hash ?? '') && receipt.hashText === receipt.hash, `the whole hash, printed: ${receipt.hashText}`);
  check(receipt.qr.startsWith('<svg ') && receipt.qr.includes('<path '), `the QR code is the server's SVG: ${receipt.qr.slice(0, 80)}`);
  const api = await slip.evaluate((id) => fetch(`/api/slips/${id}`).then((r) => r.json()), blockId);
  check(api.qr_svg === receipt.qr && api.record_sha256 === receipt.hash, 'the page shows the API answer');
  await shot(slip, 'slip-80mm');
  await a11y(slip, 'slip-80mm');
  const receiptPdf = await printPdf(slip, 'slip-80mm');

  // the A4 layout: the toggle, kept in the address
  await slip.getByTestId('slip-paper-a4').click();
  await slip.locator('[data-testid=slip][data-paper=a4]').waitFor();
  check(new URL(slip.url()).searchParams.get('paper') === 'a4', `the paper is in the address: ${slip.url()}`);
  const sheet = await shown(slip);
  check(sheet.checkout === receipt.checkout && sheet.hash === receipt.hash, 'the same slip on A4');
  await shot(slip, 'slip-a4');
  await a11y(slip, 'slip-a4');
  const sheetPdf = await printPdf(slip, 'slip-a4');

  return { block_id: blockId, number: receipt.number, checkout: receipt.checkout, hash: receipt.hash, pdfs: { '80mm': receiptPdf, a4: sheetPdf } };
});
