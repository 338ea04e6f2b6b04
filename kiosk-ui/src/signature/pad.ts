/**
 * The signature pad: binds a `<canvas>` to a `StrokeRecorder` with pointer events and draws the
 * ink. It keeps both forms the server takes: the strokes (`toData()`) and the image
 * (`toDataURL()`, `canvas.toDataURL('image/png')`).
 *
 * Canvas units are the canvas's CSS pixels when the pad is created (e.g. 600 × 200). The
 * backing store is scaled for sharp ink on high-density screens, but never beyond the largest
 * PNG the server accepts (2400 × 1200). Only one pointer draws at a time; `touch-action: none`
 * keeps the browser from scrolling while signing. No network, no timers.
 */

import type { Unsubscribe } from '../store';
import type { SignatureStrokes, StrokePoint } from '../wire';
import { StrokeRecorder, toCanvasPoint } from './recorder';

/** Largest PNG the server accepts (src/domain/signature/mod.rs). */
const MAX_PNG_WIDTH = 2400;
const MAX_PNG_HEIGHT = 1200;

/** How the pad looks and reads time. */
export interface PadOptions {
  /** pen width in canvas units (default 2.5) */
  penWidth?: number;
  /** ink colour (default near-black) */
  ink?: string;
  /** background colour (default white) */
  paper?: string;
  /** the clock of `event.timeStamp`, read when the pad opens (default `performance.now`) */
  now?: () => number;
  /** device pixel ratio (default `window.devicePixelRatio`) */
  pixelRatio?: number;
}

/** A signature pad on a canvas. */
export interface SignaturePad {
  /** removes the ink */
  clear(): void;
  /** whether the ink is enough for the server */
  hasInk(): boolean;
  /** no ink at all */
  isEmpty(): boolean;
  /** the strokes, in the server's format */
  toData(): SignatureStrokes;
  /** the image, `data:image/png;base64,…` */
  toDataURL(): string;
  /** called after every stroke and after clear */
  onChange(listener: () => void): Unsubscribe;
  /** stops listening to the canvas */
  destroy(): void;
}

/** The backing-store scale: the screen's density, capped by the server's PNG limits. */
export function backingScale(width: number, height: number, pixelRatio: number): number {
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  return Math.min(ratio, MAX_PNG_WIDTH / width, MAX_PNG_HEIGHT / height);
}

/** Binds a signature pad to `canvas`. */
export function createSignaturePad(canvas: HTMLCanvasElement, options: PadOptions = {}): SignaturePad {
  const now = options.now ?? (() => performance.now());
  const penWidth = options.penWidth ?? 2.5;
  const ink = options.ink ?? '#111';
  const paper = options.paper ?? '#ffffff';
  const width = Math.round(canvas.clientWidth || canvas.width);
  const height = Math.round(canvas.clientHeight || canvas.height);
  const recorder = new StrokeRecorder(width, height, now());
  const scale = backingScale(width, height, options.pixelRatio ?? globalThis.devicePixelRatio ?? 1);
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  canvas.style.touchAction = 'none';
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The signature pad needs a 2D canvas.');
  const ctx = context;
  const listeners = new Set<() => void>();
  let pointerId: number | null = null;
  let last: StrokePoint | null = null;

  function paintPaper(): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = paper;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    ctx.lineWidth = penWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  }

  function dot(p: StrokePoint): void {
    ctx.beginPath();
    ctx.arc(p.x, p.y, penWidth / 2, 0, Math.PI * 2);
    ctx.fill();
  }

  function segment(a: StrokePoint, b: StrokePoint): void {
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }

  function time(event: PointerEvent): number {
    return event.timeStamp > 0 ? event.timeStamp : now();
  }

  function position(event: PointerEvent): { x: number; y: number } {
    return toCanvasPoint(event.clientX, event.clientY, canvas.getBoundingClientRect(), width, height);
  }

  function changed(): void {
    for (const listener of [...listeners]) listener();
  }

  function down(event: PointerEvent): void {
    if (pointerId !== null || !event.isPrimary || event.button > 0) return;
    event.preventDefault();
    pointerId = event.pointerId;
    canvas.setPointerCapture(event.pointerId);
    const { x, y } = position(event);
    last = recorder.begin(x, y, time(event));
    if (last) dot(last);
  }

  function move(event: PointerEvent): void {
    if (event.pointerId !== pointerId) return;
    event.preventDefault();
    const samples = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const sample of samples.length > 0 ? samples : [event]) {
      const { x, y } = position(sample);
      const point = recorder.extend(x, y, time(sample));
      if (point && last) segment(last, point);
      if (point) last = point;
    }
  }

  function up(event: PointerEvent): void {
    if (event.pointerId !== pointerId) return;
    pointerId = null;
    last = null;
    if (recorder.drawing) {
      recorder.end();
      changed();
    }
  }

  paintPaper();
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.addEventListener('lostpointercapture', up);

  return {
    clear() {
      recorder.clear();
      pointerId = null;
      last = null;
      paintPaper();
      changed();
    },
    hasInk: () => recorder.hasInk(),
    isEmpty: () => recorder.isEmpty(),
    toData: () => recorder.toData(),
    toDataURL: () => canvas.toDataURL('image/png'),
    onChange(listener) {
      const entry = (): void => listener();
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    destroy() {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
      canvas.removeEventListener('lostpointercapture', up);
      listeners.clear();
    },
  };
}
