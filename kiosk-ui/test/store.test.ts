/** The tiny store: get, set, update, subscribe and unsubscribe. */

import { describe, expect, it } from 'vitest';
import { createStore } from '../src/store';

describe('createStore', () => {
  it('holds a value and notifies subscribers of changes', () => {
    const store = createStore(1);
    const seen: number[] = [];
    store.subscribe((v) => seen.push(v));
    store.set(2);
    store.update((v) => v * 10);
    expect(store.get()).toBe(20);
    expect(seen).toEqual([2, 20]);
  });

  it('does not call a listener on subscribe, nor for an equal value', () => {
    const store = createStore('a');
    const seen: string[] = [];
    store.subscribe((v) => seen.push(v));
    store.set('a');
    expect(seen).toEqual([]);
  });

  it('stops notifying after unsubscribe, and a second unsubscribe is harmless', () => {
    const store = createStore(0);
    const seen: number[] = [];
    const stop = store.subscribe((v) => seen.push(v));
    store.set(1);
    stop();
    stop();
    store.set(2);
    expect(seen).toEqual([1]);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const store = createStore(0);
    const seen: number[] = [];
    const listener = (v: number): void => {
      seen.push(v);
    };
    const first = store.subscribe(listener);
    store.subscribe(listener);
    first();
    store.set(5);
    expect(seen).toEqual([5]);
  });

  it('skips a listener unsubscribed by an earlier one in the same round', () => {
    const store = createStore(0);
    const seen: string[] = [];
    let stopB: () => void = () => undefined;
    store.subscribe(() => {
      seen.push('a');
      stopB();
    });
    stopB = store.subscribe(() => seen.push('b'));
    store.set(1);
    expect(seen).toEqual(['a']);
  });

  it('never shows a listener an older value after a newer one', () => {
    const store = createStore(0);
    const seen: number[] = [];
    store.subscribe((v) => {
      if (v === 1) store.set(2);
    });
    store.subscribe((v) => seen.push(v));
    store.set(1);
    expect(seen).toEqual([2]);
    expect(store.get()).toBe(2);
  });
});
