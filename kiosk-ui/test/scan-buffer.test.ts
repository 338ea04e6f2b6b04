/**
 * Keyboard-wedge capture: a multi-line AAMVA scan is one scan, a membership card (digits +
 * Enter) is one scan, typing without Enter is not a scan, and scans queue while busy.
 */

import { describe, expect, it } from 'vitest';

import { ScanBuffer, SerialQueue } from '../src/screens/register/scan-buffer';
import { FakeTimers } from './helpers/fake-timers';

function typeText(buffer: ScanBuffer, text: string): void {
  for (const ch of text) buffer.key(ch === '\n' ? 'Enter' : ch);
}

describe('ScanBuffer', () => {
  it('waits for quiet after the last line of a multi-line scan', () => {
    const timers = new FakeTimers();
    const scans: string[] = [];
    const buffer = new ScanBuffer((s) => scans.push(s), timers, 120);
    typeText(buffer, '@\nANSI 6360\nDCSRIVERA\n');
    timers.advance(100);
    expect(scans).toEqual([]);
    typeText(buffer, 'DACMARISOL\n');
    timers.advance(120);
    expect(scans).toEqual(['@\nANSI 6360\nDCSRIVERA\nDACMARISOL']);
    expect(buffer.pending).toBe('');
  });

  it('takes a membership card and ignores keys that are not characters', () => {
    const timers = new FakeTimers();
    const scans: string[] = [];
    const buffer = new ScanBuffer((s) => scans.push(s), timers, 120);
    expect(buffer.key('Shift')).toBe(false);
    expect(buffer.key('Enter')).toBe(true);
    typeText(buffer, '100234\n');
    timers.advance(120);
    expect(scans).toEqual(['100234']);
  });

  it('does not treat typing without Enter as a scan', () => {
    const timers = new FakeTimers();
    const scans: string[] = [];
    const buffer = new ScanBuffer((s) => scans.push(s), timers, 120);
    typeText(buffer, 'abc');
    timers.advance(1000);
    expect(scans).toEqual([]);
    expect(buffer.pending).toBe('abc');
    buffer.key('Enter');
    timers.advance(120);
    expect(scans).toEqual(['abc']);
  });

  it('takes a pasted scan', () => {
    const timers = new FakeTimers();
    const scans: string[] = [];
    const buffer = new ScanBuffer((s) => scans.push(s), timers, 120);
    buffer.paste('  100777  ');
    timers.advance(120);
    expect(scans).toEqual(['100777']);
  });
});

describe('SerialQueue', () => {
  it('runs jobs one at a time, in order, even after a failure', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let release: () => void = () => undefined;
    queue.push(() => new Promise<void>((resolve) => {
      log.push('a start');
      release = () => {
        log.push('a end');
        resolve();
      };
    }));
    queue.push(async () => {
      log.push('b');
      throw new Error('refused');
    });
    queue.push(async () => {
      log.push('c');
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });
});
