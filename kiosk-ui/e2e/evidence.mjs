// The manager's evidence desk (issue 15), in a real browser: a manager signs in, finds a
// signature by part of the customer's name (the URL keeps the filter, the export links carry
// it), opens it, downloads its certificate PDF (the SHA-256 the page shows is the file's),
// then, on "Verify a certificate", uploads that file and reads "Genuine" with the customer
// and a link back to the signature; the same file with one byte changed reads "Not one of
// ours" (naming the signature it claims, when it still does); a file that is not a PDF is
// refused in words; the hash typed in reads "Genuine" again; then the page in Spanish.
// axe-core checks every state.
//
// Run by `cargo test --test ui evidence` (tests/ui/evidence.rs), which seeds two finished
// check-ins (Dana Evidence and Eli Other) and checks the file and the audit rows.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { a11y, check, open as openScreen, out, run, shot as photo, signIn, text } from './lib.mjs';

// the NOT_A_PDF refusal provoked on purpose is logged by Chromium as an error
const open = (size) => openScreen(size, /status of (400|401)/);

async function shot(page, name) {
  await photo(page, name);
  await a11y(page, name);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Uploads `buffer` as `name` on the verify page; returns the server's JSON answer. */
async function upload(page, name, buffer) {
  await page.getByTestId('verify-file').setInputFiles({ name, mimeType: 'application/pdf', buffer });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/signatures/verify') && r.request().method() === 'POST'),
    page.getByTestId('verify-file-submit').click(),
  ]);
  return { status: response.status(), body: await response.json() };
}

await run(async () => {
  const manager = await open('manager');
  await manager.goto('/manager');
  await manager.locator('input[name=login]').waitFor();
  await signIn(manager, 'manager', '111111');
  await manager.getByTestId('tab-signatures').click();
  await manager.getByTestId('signature-list').waitFor();
  const links = manager.getByTestId('signature-link');
  await links.nth(1).waitFor();
  const before = await links.count();

  // found by part of the name, in any case; the URL and the export links keep the filter
  await manager.locator('input[name=customer]').fill('dana ev');
  await manager.getByRole('button', { name: 'Filter', exact: true }).click();
  await manager.waitForURL(/\/manager\/signatures\?customer=dana\+ev$/);
  await manager.locator('[data-testid=signature-list] tbody tr', { hasText: 'Dana Evidence' }).waitFor();
  await manager.waitForFunction(() => document.querySelectorAll('[data-testid=signature-link]').length === 1);
  const rowText = await manager.locator('[data-testid=signature-list] tbody tr').innerText();
  check(!rowText.includes('Eli Other'), `only Dana's row: ${rowText}`);
  const csvHref = await manager.getByTestId('export-csv').getAttribute('href');
  const zipHref = await manager.getByTestId('export-zip').getAttribute('href');
  check(csvHref === '/api/signatures/export.csv?customer=dana+ev', `the CSV link carries the filter: ${csvHref}`);
  check(zipHref === '/api/signatures/export.zip?customer=dana+ev', `the ZIP link carries the filter: ${zipHref}`);
  // what the links give, read with the page's own cookie
  const exports = await manager.evaluate(
    async ([csv, zip]) => {
      const c = await fetch(csv);
      const z = await fetch(zip);
      const head = new Uint8Array(await z.arrayBuffer()).slice(0, 2);
      return { csv_status: c.status, csv_type: c.headers.get('Content-Type'), csv: await c.text(), zip_status: z.status, zip_type: z.headers.get('Content-Type'), zip_magic: String.fromCharCode(...head) };
    },
    [csvHref, zipHref],
  );
  await shot(manager, 'ev-list-filtered');

  // the signature, then its certificate
  await links.first().click();
  await manager.getByTestId('signature-detail').waitFor();
  const id = decodeURIComponent(new URL(manager.url()).pathname.split('/').pop() ?? '');
  check((await text(manager, 'verification')).startsWith('Verified'), 'the record verifies');
  await a11y(manager, 'ev-detail');
  const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByTestId('download-certificate').click()]);
  const pdf = readFileSync(await download.path());
  const filename = download.suggestedFilename();
  check(filename === `certificate-${id}.pdf`, `the file is named for the signature: ${filename}`);
  check(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the file is a PDF');
  const shown = await text(manager, 'certificate-sha256');
  check(shown === sha256(pdf), `the SHA-256 shown (${shown}) is the file's (${sha256(pdf)})`);
  const pdfPath = join(out, filename);
  writeFileSync(pdfPath, pdf);
  await shot(manager, 'ev-detail-downloaded');

  // the verify page: the file as downloaded is genuine
  await manager.getByTestId('tab-verify').click();
  await manager.waitForURL(/\/manager\/verify$/);
  await manager.getByTestId('verify-page').waitFor();
  check(await manager.getByTestId('verify-file-submit').isDisabled(), 'nothing to check before a file is chosen');
  await a11y(manager, 'ev-verify-empty');
  const genuine = await upload(manager, filename, pdf);
  check(genuine.status === 200 && genuine.body.status === 'GENUINE', `the file as downloaded is genuine: ${JSON.stringify(genuine)}`);
  const verdict = manager.getByTestId('verify-result');
  await verdict.and(manager.locator('[data-status=GENUINE]')).waitFor();
  const genuineText = await verdict.innerText();
  check(genuineText.includes('Genuine') && genuineText.includes('Dana Evidence'), `genuine, with the customer: ${genuineText}`);
  check((await text(manager, 'verify-sha256')) === sha256(pdf), 'the hash checked is the file’s');
  await shot(manager, 'ev-verify-genuine');
  // its link leads back to the signature
  await manager.getByTestId('verify-open-signature').click();
  await manager.getByTestId('signature-detail').waitFor();
  check(manager.url().endsWith(`/manager/signatures/${id}`), `back at the signature: ${manager.url()}`);

  // one byte changed: not one of ours
  await manager.getByTestId('tab-verify').click();
  const tampered = Buffer.from(pdf);
  const at = Math.floor(tampered.length / 2);
  tampered[at] = tampered[at] ^ 0x01;
  const changed = await upload(manager, 'changed.pdf', tampered);
  check(changed.status === 200 && changed.body.status === 'NOT_OURS', `one byte changed is not ours: ${JSON.stringify(changed)}`);
  await verdict.and(manager.locator('[data-status=NOT_OURS]')).waitFor();
  const notOursText = await verdict.innerText();
  check(notOursText.includes('Not one of ours'), `not ours, in words: ${notOursText}`);
  // a changed file that still names Dana's signature says so and links to it (where the
  // genuine certificate can be downloaded), never as "open the signature" of a genuine one
  const named = manager.getByTestId('verify-open-signature');
  if (changed.body.signature_id) {
    check(notOursText.includes('names the signature of Dana Evidence'), `names the signature it claims: ${notOursText}`);
    check((await named.innerText()).includes('Open the signature it names'), 'the link says it is the one named');
  } else check((await named.count()) === 0, 'no link to a signature');
  await shot(manager, 'ev-verify-not-ours');

  // not a PDF at all: refused in words, the code only in the details line
  const notPdf = await upload(manager, 'notes.pdf', Buffer.from('just some notes\n'));
  const refusal = manager.getByTestId('verify-error');
  await refusal.waitFor();
  check((await refusal.getAttribute('data-code')) === 'NOT_A_PDF', 'refused as not a PDF');
  check((await refusal.innerText()).includes('That file is not a PDF.'), 'in words');
  check((await verdict.count()) === 0, 'no verdict with a refusal');
  await shot(manager, 'ev-verify-not-a-pdf');

  // the hash typed in: a wrong one cannot be sent, the right one is genuine
  await manager.getByTestId('verify-sha').fill('abc123');
  check(await manager.getByTestId('verify-sha-submit').isDisabled(), 'a short hash cannot be sent');
  check((await manager.getByTestId('verify-sha').getAttribute('aria-invalid')) === 'true', 'and is marked wrong');
  await manager.getByTestId('verify-sha').fill(sha256(pdf).toUpperCase());
  const [byHash] = await Promise.all([
    manager.waitForResponse((r) => r.url().endsWith('/api/signatures/verify')),
    manager.getByTestId('verify-sha-submit').click(),
  ]);
  await verdict.and(manager.locator('[data-status=GENUINE]')).waitFor();
  await a11y(manager, 'ev-verify-by-hash');

  // in Spanish
  await manager.getByTestId('staff-language').click();
  await manager.getByRole('heading', { name: 'Verificar un certificado' }).waitFor();
  await verdict.filter({ hasText: 'Auténtico' }).waitFor();
  await shot(manager, 'ev-verify-es');
  await manager.getByTestId('staff-language').click();

  return {
    signature_id: id,
    filename,
    pdf_path: pdfPath,
    sha256: sha256(pdf),
    shown_sha256: shown,
    rows_before_filter: before,
    exports,
    genuine,
    changed,
    not_pdf: notPdf,
    by_hash: { status: byHash.status(), body: await byHash.json() },
  };
});
