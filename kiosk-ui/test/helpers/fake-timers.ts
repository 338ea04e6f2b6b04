/**
 * Fake timers for connection tests: records each scheduled delay and runs callbacks when the
 * test advances the clock.
 */

import type { TimerHandle, Timers } from '../../src/ws/connection';

interface Pending {
  id: number;
  at: number;
  delay: number;
  callback: () => void;
}

export class FakeTimers implements Timers {
  now = 0;
  /** every delay ever scheduled, in order */
  readonly scheduled: number[] = [];
  private pending: Pending[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, at: this.now + ms, delay: ms, callback });
    this.scheduled.push(ms);
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /** Delays of the timers still waiting. */
  waiting(): number[] {
    return this.pending.map((p) => p.delay);
  }

  /** Moves the clock forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }

  /** Runs the next timer, whenever it is due. */
  runNext(): void {
    const next = [...this.pending].sort((a, b) => a.at - b.at || a.id - b.id)[0];
    if (!next) throw new Error('no timer is waiting');
    this.advance(next.at - this.now);
  }
}
