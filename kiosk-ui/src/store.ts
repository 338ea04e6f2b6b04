/**
 * A tiny observable value: `get()`, `set()`, `update()` and `subscribe(listener) -> unsubscribe`.
 *
 * Listeners run synchronously after a change, in subscription order, and are not called on
 * subscribe (read `get()` for the current value). Setting a value that is `Object.is`-equal to
 * the current one notifies nobody. Listeners may (un)subscribe while being notified: one removed
 * during a round is not called afterwards, one added during a round is first called on the next
 * change. A listener that sets a new value starts a new round; the older round stops, so no
 * listener sees an old value after a newer one.
 */

/** Called with the new value after each change. */
export type Listener<T> = (value: T) => void;

/** Stops a subscription; calling it twice is harmless. */
export type Unsubscribe = () => void;

/** Something that can be read and watched. */
export interface Readable<T> {
  get(): T;
  subscribe(listener: Listener<T>): Unsubscribe;
}

/** A readable value that can also be changed. */
export interface Store<T> extends Readable<T> {
  set(value: T): void;
  update(change: (current: T) => T): void;
}

/** A store holding `initial`. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<Listener<T>>();

  const set = (next: T): void => {
    if (Object.is(next, value)) return;
    value = next;
    const current = value;
    for (const listener of [...listeners]) {
      // A listener that set a newer value has already notified everyone of it.
      if (!Object.is(value, current)) return;
      if (listeners.has(listener)) listener(current);
    }
  };

  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(listener) {
      // A wrapper, so one function subscribed twice is two subscriptions.
      const entry: Listener<T> = (v) => listener(v);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
  };
}
