/**
 * Preact glue for the foundation modules: a readable as state, and one lane socket with its
 * store for the lifetime of a component.
 */

import { useEffect, useMemo, useState } from 'preact/hooks';

import { createLaneStore, type LaneMap } from '../lane-store';
import type { Readable } from '../store';
import type { LaneView } from '../wire';
import { Connection, type ConnectionStatus } from '../ws/connection';

/** The current value of `readable`, re-rendering on each change. */
export function useReadable<T>(readable: Readable<T>): T {
  const [value, setValue] = useState(() => readable.get());
  useEffect(() => {
    setValue(readable.get());
    return readable.subscribe(setValue);
  }, [readable]);
  return value;
}

/** What a screen reads from its socket. */
export interface LaneFeed<V extends LaneView> {
  status: ConnectionStatus;
  lanes: LaneMap<V>;
  /** applies a view from elsewhere, e.g. the `view` of a 409 STALE_VERSION */
  apply(lane: string, rev: number, view: V): void;
  connection: Connection<V>;
}

/** Opens the socket at `path` (`/ws/lanes/{lane}` or `/ws/monitor`) while mounted. */
export function useLaneFeed<V extends LaneView>(path: string): LaneFeed<V> {
  const { connection, store } = useMemo(() => {
    const connection = new Connection<V>({ path, keepAliveMs: 20_000 });
    return { connection, store: createLaneStore<V>(connection) };
  }, [path]);
  useEffect(() => {
    connection.start();
    return () => {
      connection.stop();
      store.detach();
    };
  }, [connection, store]);
  const status = useReadable(connection.status);
  const lanes = useReadable(store);
  return { status, lanes, connection, apply: (lane, rev, view) => void store.apply(lane, rev, view) };
}
