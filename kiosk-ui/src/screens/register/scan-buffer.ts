/**
 * Keyboard-wedge scan capture. A scanner types its text as keystrokes, line breaks as Enter.
 * A scan is complete when at least one Enter arrived and then no key for `quietMs` (an AAMVA
 * ID has many lines, so the first Enter does not end it). Keys typed while an earlier scan is
 * being looked up are kept: scans are queued, never lost. Pure (timers injected), tested in
 * test/scan-buffer.test.ts.
 */

import type { Timers, TimerHandle } from '../../ws/connection';

/** Collects keystrokes into scans. */
export class ScanBuffer {
  private text = '';
  private sawEnter = false;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly onScan: (scan: string) => void,
    private readonly timers: Timers = { setTimeout: (f, ms) => globalThis.setTimeout(f, ms), clearTimeout: (h) => globalThis.clearTimeout(h) },
    private readonly quietMs = 120,
  ) {}

  /** Takes one `KeyboardEvent.key`; true when it was used. */
  key(key: string): boolean {
    if (key === 'Enter') {
      if (this.text === '') return true;
      this.text += '\n';
      this.sawEnter = true;
    } else if (key.length === 1) {
      this.text += key;
    } else {
      return false;
    }
    this.arm();
    return true;
  }

  /** Takes pasted text (a scan pasted into the field is a scan too). */
  paste(text: string): void {
    this.text += text;
    this.sawEnter = true;
    this.arm();
  }

  /** What has been typed of the current scan. */
  get pending(): string {
    return this.text;
  }

  /** Forgets the current scan. */
  reset(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.text = '';
    this.sawEnter = false;
  }

  private arm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.flush(), this.quietMs);
  }

  private flush(): void {
    this.timer = null;
    if (!this.sawEnter) return;
    const scan = this.text.trim();
    this.text = '';
    this.sawEnter = false;
    if (scan !== '') this.onScan(scan);
  }
}

/** Runs async jobs one at a time, in order (scans while busy wait their turn). */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Adds a job. */
  push(job: () => Promise<void>): void {
    this.tail = this.tail.then(job, job);
  }
}
