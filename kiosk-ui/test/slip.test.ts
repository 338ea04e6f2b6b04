/**
 * The stay slip's pure parts (src/screens/slip/slip-model.ts) and the printed slip itself
 * (slip-view.tsx, hook-free): its address, paper, the QR image and the words in each language.
 */

import { h } from 'preact';
import { describe, expect, it } from 'vitest';

import { formatDateTime } from '../src/i18n';
import { hashGroups, printAtOnce, qrImageSrc, slipBlockId, slipHref, slipPaper } from '../src/screens/slip/slip-model';
import { SlipView } from '../src/screens/slip/slip-view';
import type { Slip } from '../src/wire-stays';
import { byTestId, textOf } from './helpers/vnode';

const HASH = '0123456789abcdef'.repeat(4);
const SLIP: Slip = {
  block_id: '0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e',
  club: { name: 'Test Club' },
  kind: 'ROOM',
  number: '214',
  rental_type: 'STANDARD',
  block_type: 'INITIAL',
  starts_at: '2026-11-20T18:00:00Z',
  checkout_at: '2026-11-21T00:00:00Z',
  time_zone: 'America/Chicago',
  total_paid_cents: 4500,
  agreement: { version: 3, language: 'ES' },
  record_sha256: HASH,
  qr_svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 45 45"><path d="M4 4h1v1H4V4"/></svg>',
};

describe('the slip address', () => {
  it('names the block and the paper, and asks to print at once only when told', () => {
    expect(slipBlockId('/slip/abc-1')).toBe('abc-1');
    expect(slipBlockId('/slip/abc-1/')).toBe('abc-1');
    expect(slipBlockId('/slip/')).toBeNull();
    expect(slipBlockId('/register')).toBeNull();
    expect(slipPaper('?paper=a4')).toBe('a4');
    expect(slipPaper('?paper=80mm')).toBe('80mm');
    expect(slipPaper('?paper=letter')).toBe('80mm');
    expect(slipPaper('')).toBe('80mm');
    expect(printAtOnce('?print=1')).toBe(true);
    expect(printAtOnce('?paper=a4')).toBe(false);
    expect(slipHref('b 1')).toBe('/slip/b%201');
    expect(slipHref('b1', { paper: 'a4', print: true })).toBe('/slip/b1?paper=a4&print=1');
  });

  it('draws the QR code as a data image and cuts the hash into lines of 16', () => {
    expect(decodeURIComponent(qrImageSrc(SLIP.qr_svg ?? '').replace('data:image/svg+xml;charset=utf-8,', ''))).toBe(SLIP.qr_svg);
    expect(hashGroups(HASH)).toEqual(['0123456789abcdef', '0123456789abcdef', '0123456789abcdef', '0123456789abcdef']);
    expect(hashGroups(HASH).join('')).toBe(HASH);
  });
});

describe('the printed slip', () => {
  it('shows the unit, the times with their date, the amount, the agreement and the hash, in the agreement language', () => {
    const tree = h(SlipView, { slip: SLIP, paper: '80mm', language: 'ES' });
    const text = textOf(tree);
    expect(text).toContain('Test Club');
    expect(text).toContain('Comprobante de estancia');
    expect(textOf(byTestId(tree, 'slip-number'))).toBe('214');
    // 00:00 UTC is 6:00 PM the evening before in Chicago: the date is always printed
    expect(textOf(byTestId(tree, 'slip-checkout'))).toBe(formatDateTime(SLIP.checkout_at, { language: 'ES', timeZone: 'America/Chicago' }));
    expect(formatDateTime(SLIP.checkout_at, { language: 'EN', timeZone: 'America/Chicago' })).toBe('Nov 20, 2026, 6:00 PM');
    expect(textOf(byTestId(tree, 'slip-paid'))).toBe('$45.00');
    expect(textOf(byTestId(tree, 'slip-agreement'))).toBe('Versión 3 (ES)');
    expect(textOf(byTestId(tree, 'slip-hash')).replace(/\s/g, '')).toBe(HASH);
    const [qr] = byTestId(tree, 'slip-qr');
    expect(qr?.props.src).toBe(qrImageSrc(SLIP.qr_svg ?? ''));
    expect(qr?.props.alt).toBeTruthy();
    expect(byTestId(tree, 'slip')[0]?.props.class).toBe('slip slip-80mm');
  });

  it('has an A4 layout, and says so when a block has no signature', () => {
    const tree = h(SlipView, { slip: { ...SLIP, agreement: null, record_sha256: null, qr_svg: null, total_paid_cents: 0 }, paper: 'a4', language: 'EN' });
    expect(byTestId(tree, 'slip')[0]?.props.class).toBe('slip slip-a4');
    expect(textOf(byTestId(tree, 'slip-agreement'))).toBe('No signature on this block');
    expect(byTestId(tree, 'slip-qr')).toEqual([]);
    expect(textOf(byTestId(tree, 'slip-paid'))).toBe('$0.00');
  });
});
