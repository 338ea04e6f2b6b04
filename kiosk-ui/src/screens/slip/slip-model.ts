/**
 * The stay slip's pure helpers: which block and paper a `/slip/{block_id}?paper=80mm|a4`
 * address names, the link the register and the due board open, the QR code as an image
 * address, and the record hash cut into groups that fit a receipt's width.
 */

import type { SlipPaper } from '../../wire-stays';

/** The paper sizes, the receipt first (the default). */
export const PAPERS: readonly SlipPaper[] = ['80mm', 'a4'];

/** The block id of a slip page's path, or null when the path is not `/slip/{id}`. */
export function slipBlockId(pathname: string): string | null {
  const match = /^\/slip\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The paper a query string asks for (`?paper=a4`); the 80 mm receipt otherwise. */
export function slipPaper(search: string): SlipPaper {
  const asked = new URLSearchParams(search).get('paper');
  return asked === 'a4' ? 'a4' : '80mm';
}

/** Whether the page should open the print dialog once the slip is shown (`?print=1`). */
export function printAtOnce(search: string): boolean {
  return new URLSearchParams(search).get('print') === '1';
}

/** The slip page of `blockId`: same origin, so the staff cookie goes with it. */
export function slipHref(blockId: string, options: { paper?: SlipPaper; print?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.paper && options.paper !== '80mm') query.set('paper', options.paper);
  if (options.print) query.set('print', '1');
  const rest = query.toString();
  return `/slip/${encodeURIComponent(blockId)}${rest ? `?${rest}` : ''}`;
}

/** An `<img>` address for the server's QR `<svg>` (the page's CSP allows `data:` images). */
export function qrImageSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A 64-character hash as four groups of 16, one line each on a receipt. */
export function hashGroups(hash: string, size = 16): string[] {
  const groups: string[] = [];
  for (let i = 0; i < hash.length; i += size) groups.push(hash.slice(i, i + size));
  return groups;
}
