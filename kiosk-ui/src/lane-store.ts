/**
 * The latest view of each lane, as a store. Fed by a connection's applied views and, where a
 * screen has one, by a view from HTTP (`GET /api/lanes/{lane}/view`, or the current view in a
 * 409 `STALE_VERSION` answer). Every source passes the same rule as the socket: a view whose
 * `rev` is not newer than the one held for its lane is dropped. Every view is complete, so the
 * newest one is all a screen needs.
 */

import { createStore, type Readable, type Unsubscribe } from './store';
import type { IsoDateTime, LaneView, LaneViewMessage } from './wire';

/** One lane's latest view. */
export interface LaneEntry<V extends LaneView> {
  lane: string;
  rev: number;
  /** when the server sent it (absent for views taken from an error answer) */
  at: IsoDateTime | null;
  view: V;
}

/** Every lane's latest view, by lane id. */
export type LaneMap<V extends LaneView> = ReadonlyMap<string, LaneEntry<V>>;

/** Something that announces applied views, e.g. a `Connection`. */
export interface ViewSource<V extends LaneView> {
  onView(listener: (message: LaneViewMessage<V>) => void): Unsubscribe;
}

/** The lanes a screen knows about. */
export interface LaneStore<V extends LaneView> extends Readable<LaneMap<V>> {
  /** One lane's latest view. */
  lane(lane: string): LaneEntry<V> | undefined;
  /** A readable of one lane: its listeners run only when that lane changes. */
  select(lane: string): Readable<LaneEntry<V> | undefined>;
  /** Applies a `lane.view` envelope; false when it was not newer. */
  applyMessage(message: LaneViewMessage<V>): boolean;
  /** Applies a view from elsewhere (e.g. `STALE_VERSION` details); false when not newer. */
  apply(lane: string, rev: number, view: V, at?: IsoDateTime | null): boolean;
  /** Stops listening to the source. */
  detach(): void;
}

/** A lane store, listening to `source` when one is given. */
export function createLaneStore<V extends LaneView>(source?: ViewSource<V>): LaneStore<V> {
  const store = createStore<LaneMap<V>>(new Map());

  const apply = (lane: string, rev: number, view: V, at: IsoDateTime | null = null): boolean => {
    const held = store.get().get(lane);
    if (held && rev <= held.rev) return false;
    const next = new Map(store.get());
    next.set(lane, { lane, rev, at, view });
    store.set(next);
    return true;
  };

  const applyMessage = (message: LaneViewMessage<V>): boolean => apply(message.lane, message.rev, message.data, message.at);

  const stop = source ? source.onView(applyMessage) : () => undefined;

  const select = (lane: string): Readable<LaneEntry<V> | undefined> => ({
    get: () => store.get().get(lane),
    subscribe(listener) {
      let last = store.get().get(lane);
      return store.subscribe((lanes) => {
        const entry = lanes.get(lane);
        if (entry === last) return;
        last = entry;
        listener(entry);
      });
    },
  });

  return {
    get: store.get,
    subscribe: store.subscribe,
    lane: (lane) => store.get().get(lane),
    select,
    applyMessage,
    apply,
    detach: stop,
  };
}
